using Exchange.Rpc;
using Exchange.Rpc.Client;
using Exchange.Surveys.V1;
using Google.Protobuf;

namespace Exchange.Surveys.Tests.Infrastructure;

/// <summary>A respondent's calls: the invitation token only, no platform bearer token.</summary>
public sealed class RespondentClient(Uri address) : IDisposable
{
    private readonly RpcChannel _channel = RpcChannel.ForAddress(address);

    public Task<InvitationView> Open(string token) => Call<GetInvitationRequest, InvitationView>("GetInvitation", new GetInvitationRequest { Token = token });

    public Task<Response> Save(string token, params Answer[] answers) =>
        Call<SaveAnswersRequest, Response>("SaveAnswers", new SaveAnswersRequest { Token = token, Answers = { answers } });

    public Task<SubmissionReceipt> Submit(string token, params Answer[] answers) =>
        Call<SubmitResponseRequest, SubmissionReceipt>("SubmitResponse", new SubmitResponseRequest { Token = token, Answers = { answers } });

    public void Dispose() => _channel.Dispose();

    private Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _channel.UnaryAsync(RpcMethod<TRequest, TResponse>.From(SurveysReflection.Descriptor.Services[1], method), request,
            new CallOptions { Headers = new Metadata(), Timeout = TimeSpan.FromSeconds(30) });
}
