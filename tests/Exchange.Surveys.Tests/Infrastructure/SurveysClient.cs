using Exchange.Rpc.Client;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Tests.Infrastructure;

/// <summary>The Surveys API as coordinators, implementation bodies and partners call it.</summary>
public sealed class SurveysClient(Uri address) : ServiceClient(address, SurveysReflection.Descriptor.Services[0])
{
    private readonly Uri _address = address;

    public Task<CreateSurveyRoundResponse> CreateRound(CreateSurveyRoundRequest request, Caller? caller = null) =>
        Call<CreateSurveyRoundRequest, CreateSurveyRoundResponse>("CreateSurveyRound", request, caller ?? Caller.Coordinator);

    public Task<AddSurveyTargetsResponse> AddTargets(AddSurveyTargetsRequest request, Caller? caller = null) =>
        Call<AddSurveyTargetsRequest, AddSurveyTargetsResponse>("AddSurveyTargets", request, caller ?? Caller.Coordinator);

    public Task<SurveyRound> GetRound(string roundId, Caller? caller = null) =>
        Call<GetSurveyRoundRequest, SurveyRound>("GetSurveyRound", new GetSurveyRoundRequest { RoundId = roundId }, caller ?? Caller.Coordinator);

    public Task<ListSurveyRoundsResponse> ListRounds(ListSurveyRoundsRequest request, Caller? caller = null) =>
        Call<ListSurveyRoundsRequest, ListSurveyRoundsResponse>("ListSurveyRounds", request, caller ?? Caller.Coordinator);

    public Task<ListInvitationsResponse> ListInvitations(ListInvitationsRequest request, Caller? caller = null) =>
        Call<ListInvitationsRequest, ListInvitationsResponse>("ListInvitations", request, caller ?? Caller.Coordinator);

    public Task<RemindNonRespondentsResponse> Remind(string roundId, bool reissueTokens = false, Caller? caller = null) =>
        Call<RemindNonRespondentsRequest, RemindNonRespondentsResponse>("RemindNonRespondents", new RemindNonRespondentsRequest { RoundId = roundId, ReissueTokens = reissueTokens }, caller ?? Caller.Coordinator);

    public Task<SurveyRound> Close(string roundId, Caller? caller = null) =>
        Call<CloseSurveyRoundRequest, SurveyRound>("CloseSurveyRound", new CloseSurveyRoundRequest { RoundId = roundId }, caller ?? Caller.Coordinator);

    public Task<GetResponseRateResponse> ResponseRate(string roundId, string byAttribute = "", Caller? caller = null) =>
        Call<GetResponseRateRequest, GetResponseRateResponse>("GetResponseRate", new GetResponseRateRequest { RoundId = roundId, ByAttribute = byAttribute }, caller ?? Caller.Coordinator);

    public Task<Response> GetResponse(string invitationId, Caller? caller = null) =>
        Call<GetResponseRequest, Response>("GetResponse", new GetResponseRequest { InvitationId = invitationId }, caller ?? Caller.Coordinator);

    public Task<ListScheduledSurveysResponse> Scheduled(ListScheduledSurveysRequest request, Caller? caller = null) =>
        Call<ListScheduledSurveysRequest, ListScheduledSurveysResponse>("ListScheduledSurveys", request, caller ?? Caller.Coordinator);

    public Task<ListQuestionnairesResponse> Questionnaires(Caller? caller = null) =>
        Call<ListQuestionnairesRequest, ListQuestionnairesResponse>("ListQuestionnaires", new ListQuestionnairesRequest(), caller ?? Caller.Coordinator);

    public Task<Questionnaire> Questionnaire(string id, int version = 0, Caller? caller = null) =>
        Call<GetQuestionnaireRequest, Questionnaire>("GetQuestionnaire", new GetQuestionnaireRequest { QuestionnaireId = id, Version = version }, caller ?? Caller.Coordinator);

    public Task<Questionnaire> CreateQuestionnaire(CreateQuestionnaireRequest request, Caller? caller = null) =>
        Call<CreateQuestionnaireRequest, Questionnaire>("CreateQuestionnaire", request, caller ?? Caller.Coordinator);

    public Task<Questionnaire> ReviseQuestionnaire(ReviseQuestionnaireRequest request, Caller? caller = null) =>
        Call<ReviseQuestionnaireRequest, Questionnaire>("ReviseQuestionnaire", request, caller ?? Caller.Coordinator);

    public Task<CrossTab> CrossTab(CrossTabulateRequest request, Caller? caller = null) =>
        Call<CrossTabulateRequest, CrossTab>("CrossTabulate", request, caller ?? Caller.Coordinator);

    public Task<TwoWayTable> TwoWay(GetTwoWayTableRequest request, Caller? caller = null) =>
        Call<GetTwoWayTableRequest, TwoWayTable>("GetTwoWayTable", request, caller ?? Caller.Coordinator);

    public Task<GetSuccessPointScoresResponse> SuccessPoints(GetSuccessPointScoresRequest request, Caller? caller = null) =>
        Call<GetSuccessPointScoresRequest, GetSuccessPointScoresResponse>("GetSuccessPointScores", request, caller ?? Caller.Coordinator);

    public Task<EvaluateClustersResponse> EvaluateClusters(EvaluateClustersRequest request, Caller? caller = null) =>
        Call<EvaluateClustersRequest, EvaluateClustersResponse>("EvaluateClusters", request, caller ?? Caller.Coordinator);

    /// <summary>The streamed export, pieces concatenated.</summary>
    public async Task<string> Export(ExportResponsesRequest request, Caller? caller = null)
    {
        using var channel = RpcChannel.ForAddress(_address);
        var method = RpcMethod<ExportResponsesRequest, CsvChunk>.From(SurveysReflection.Descriptor.Services[0], "ExportResponses");
        var headers = (caller ?? Caller.Coordinator).Headers();
        using var call = channel.ServerStreaming(method, request, new CallOptions { Headers = headers, Timeout = TimeSpan.FromSeconds(30) });
        var text = new System.Text.StringBuilder();
        await foreach (var chunk in call.ReadAllAsync()) text.Append(chunk.Text);
        return text.ToString();
    }

    public static ResponseSelection Rounds(params string[] roundIds) => new() { RoundIds = { roundIds } };
}
