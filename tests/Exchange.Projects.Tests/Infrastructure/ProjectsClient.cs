using Exchange.Identity;
using Exchange.Identity.Testing;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Exchange.Rpc.Client;
using Google.Protobuf;

namespace Exchange.Projects.Tests.Infrastructure;

/// <summary>Calls the Projects service through the RPC client as a given organisation and role.</summary>
public sealed class ProjectsClient(Uri address) : IDisposable
{
    private readonly RpcChannel _channel = RpcChannel.ForAddress(address);

    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ProjectsReflection.Descriptor.Services[0];

    public Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request, Caller caller)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        return _channel.UnaryAsync(RpcMethod<TRequest, TResponse>.From(Service, method), request, new CallOptions { Headers = caller.Headers(), Timeout = TimeSpan.FromSeconds(30) });
    }

    public Task<V1.Project> Register(RegisterProjectRequest request, Caller caller) => Call<RegisterProjectRequest, V1.Project>("RegisterProject", request, caller);

    public Task<V1.Project> Get(string id, Caller caller) => Call<GetProjectRequest, V1.Project>("GetProject", new GetProjectRequest { ProjectId = id }, caller);

    public Task<ListProjectsResponse> List(ListProjectsRequest request, Caller caller) => Call<ListProjectsRequest, ListProjectsResponse>("ListProjects", request, caller);

    public Task<V1.Project> Adopt(string id, int year, Caller caller) => Call<AdoptProjectRequest, V1.Project>("AdoptProject", new AdoptProjectRequest { ProjectId = id, FiscalYear = year }, caller);

    public Task<V1.Project> Activate(string id, Caller caller) => Call<ActivateProjectRequest, V1.Project>("ActivateProject", new ActivateProjectRequest { ProjectId = id }, caller);

    public Task<V1.Project> Continue(ContinueProjectRequest request, Caller caller) => Call<ContinueProjectRequest, V1.Project>("ContinueProject", request, caller);

    public Task<V1.Project> Complete(string id, Caller caller) => Call<CompleteProjectRequest, V1.Project>("CompleteProject", new CompleteProjectRequest { ProjectId = id }, caller);

    public Task<V1.Project> StartFollowUp(string id, ExchangeStatus status, Caller caller) =>
        Call<StartFollowUpRequest, V1.Project>("StartFollowUp", new StartFollowUpRequest { ProjectId = id, ExchangeStatus = status }, caller);

    public Task<V1.Project> Review(string id, int year, ExchangeStatus status, Caller caller) =>
        Call<RecordFollowUpReviewRequest, V1.Project>("RecordFollowUpReview", new RecordFollowUpReviewRequest
        {
            ProjectId = id,
            Review = new FollowUpReview { FiscalYear = year, ExchangeStatus = status, Note = "reviewed" },
        }, caller);

    public Task<V1.Project> Close(string id, Caller caller) => Call<CloseProjectRequest, V1.Project>("CloseProject", new CloseProjectRequest { ProjectId = id, Reason = "follow-up ended" }, caller);

    public Task<V1.Project> Withdraw(string id, Caller caller) => Call<WithdrawProjectRequest, V1.Project>("WithdrawProject", new WithdrawProjectRequest { ProjectId = id, Reason = "no partner" }, caller);

    public Task<V1.Project> RecordAchievement(RecordAchievementRequest request, Caller caller) => Call<RecordAchievementRequest, V1.Project>("RecordAchievement", request, caller);

    public Task<AdoptionRules> SetRules(AdoptionRules rules, Caller caller) => Call<SetAdoptionRulesRequest, AdoptionRules>("SetAdoptionRules", new SetAdoptionRulesRequest { Rules = rules }, caller);

    public Task<V1.Statistics> Statistics(Programme programme, Caller caller) => Call<GetStatisticsRequest, V1.Statistics>("GetStatistics", new GetStatisticsRequest { Programme = programme }, caller);

    public void Dispose() => _channel.Dispose();
}
