using Exchange.Claims.V1;
using Exchange.Gateway.V1;
using Exchange.Missions.V1;
using Exchange.Projects.V1;
using Exchange.Rpc.Client;
using Exchange.Surveys.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Exchange.Cli.Gateway;

/// <summary>The RPCs the client calls, declared from the protos' descriptors.</summary>
public static class Api
{
    private static RpcMethod<TRequest, TResponse> Method<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() => RpcMethod<TRequest, TResponse>.From(service, name);

    public static class Projects
    {
        private static readonly ServiceDescriptor Service = ProjectsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Projects");
        public static readonly RpcMethod<RegisterProjectRequest, Project> Register = Method<RegisterProjectRequest, Project>(Service, "RegisterProject");
        public static readonly RpcMethod<GetProjectRequest, Project> Get = Method<GetProjectRequest, Project>(Service, "GetProject");
        public static readonly RpcMethod<ListProjectsRequest, ListProjectsResponse> List = Method<ListProjectsRequest, ListProjectsResponse>(Service, "ListProjects");
    }

    public static class Missions
    {
        private static readonly ServiceDescriptor Service = MissionsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Missions");
        public static readonly RpcMethod<PlanActivityRequest, Activity> Plan = Method<PlanActivityRequest, Activity>(Service, "PlanActivity");
        public static readonly RpcMethod<GetActivityRequest, Activity> Get = Method<GetActivityRequest, Activity>(Service, "GetActivity");
        public static readonly RpcMethod<ListActivitiesRequest, ListActivitiesResponse> List = Method<ListActivitiesRequest, ListActivitiesResponse>(Service, "ListActivities");
        public static readonly RpcMethod<ConfirmActivityRequest, Activity> Confirm = Method<ConfirmActivityRequest, Activity>(Service, "ConfirmActivity");
        public static readonly RpcMethod<CompleteActivityRequest, Activity> Complete = Method<CompleteActivityRequest, Activity>(Service, "CompleteActivity");
        public static readonly RpcMethod<AddRosterEntryRequest, Activity> AddRosterEntry = Method<AddRosterEntryRequest, Activity>(Service, "AddRosterEntry");
        public static readonly RpcMethod<RecordMeetingRequest, Activity> RecordMeeting = Method<RecordMeetingRequest, Activity>(Service, "RecordMeeting");
        public static readonly RpcMethod<ReportOutcomeRequest, Activity> ReportOutcome = Method<ReportOutcomeRequest, Activity>(Service, "ReportOutcome");
    }

    public static class Claims
    {
        private static readonly ServiceDescriptor Service = ClaimsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Claims");
        public static readonly RpcMethod<GetRulebookRequest, Rulebook> GetRulebook = Method<GetRulebookRequest, Rulebook>(Service, "GetRulebook");
        public static readonly RpcMethod<CreateRulebookFromTemplateRequest, Rulebook> CreateRulebookFromTemplate = Method<CreateRulebookFromTemplateRequest, Rulebook>(Service, "CreateRulebookFromTemplate");
        public static readonly RpcMethod<SetExchangeRateRequest, ExchangeRate> SetExchangeRate = Method<SetExchangeRateRequest, ExchangeRate>(Service, "SetExchangeRate");
        public static readonly RpcMethod<ListExchangeRatesRequest, ListExchangeRatesResponse> ListExchangeRates = Method<ListExchangeRatesRequest, ListExchangeRatesResponse>(Service, "ListExchangeRates");
        public static readonly RpcMethod<SetBudgetRequest, Budget> SetBudget = Method<SetBudgetRequest, Budget>(Service, "SetBudget");
        public static readonly RpcMethod<GetBudgetRequest, Budget> GetBudget = Method<GetBudgetRequest, Budget>(Service, "GetBudget");
        public static readonly RpcMethod<GetClaimRequest, Claim> Get = Method<GetClaimRequest, Claim>(Service, "GetClaim");
        public static readonly RpcMethod<ListClaimsRequest, ListClaimsResponse> List = Method<ListClaimsRequest, ListClaimsResponse>(Service, "ListClaims");
        public static readonly RpcMethod<SaveClaimRequest, Claim> Save = Method<SaveClaimRequest, Claim>(Service, "SaveClaim");
        public static readonly RpcMethod<SubmitClaimRequest, Claim> Submit = Method<SubmitClaimRequest, Claim>(Service, "SubmitClaim");
        public static readonly RpcMethod<StartReviewRequest, Claim> StartReview = Method<StartReviewRequest, Claim>(Service, "StartReview");
        public static readonly RpcMethod<ApproveClaimRequest, Claim> Approve = Method<ApproveClaimRequest, Claim>(Service, "ApproveClaim");
        public static readonly RpcMethod<PayClaimRequest, Claim> Pay = Method<PayClaimRequest, Claim>(Service, "PayClaim");
        public static readonly RpcMethod<CreateCoordinatorContractRequest, CoordinatorContract> CreateContract = Method<CreateCoordinatorContractRequest, CoordinatorContract>(Service, "CreateCoordinatorContract");
        public static readonly RpcMethod<ListCoordinatorContractsRequest, ListCoordinatorContractsResponse> ListContracts = Method<ListCoordinatorContractsRequest, ListCoordinatorContractsResponse>(Service, "ListCoordinatorContracts");
        public static readonly RpcMethod<RecordCoordinatorInvoiceRequest, CoordinatorContract> RecordInvoice = Method<RecordCoordinatorInvoiceRequest, CoordinatorContract>(Service, "RecordCoordinatorInvoice");
        public static readonly RpcMethod<ApproveCoordinatorInvoiceRequest, CoordinatorContract> ApproveInvoice = Method<ApproveCoordinatorInvoiceRequest, CoordinatorContract>(Service, "ApproveCoordinatorInvoice");
        public static readonly RpcMethod<PayCoordinatorInvoiceRequest, CoordinatorContract> PayInvoice = Method<PayCoordinatorInvoiceRequest, CoordinatorContract>(Service, "PayCoordinatorInvoice");
        public static readonly RpcMethod<ReconcileCoordinatorContractsRequest, ReconcileCoordinatorContractsResponse> Reconcile = Method<ReconcileCoordinatorContractsRequest, ReconcileCoordinatorContractsResponse>(Service, "ReconcileCoordinatorContracts");
        public static readonly RpcMethod<ExportSpendingCsvRequest, CsvExport> ExportSpendingCsv = Method<ExportSpendingCsvRequest, CsvExport>(Service, "ExportSpendingCsv");
        public static readonly RpcMethod<GetProgrammeTotalsRequest, ProgrammeTotals> GetProgrammeTotals = Method<GetProgrammeTotalsRequest, ProgrammeTotals>(Service, "GetProgrammeTotals");
    }

    public static class Surveys
    {
        private static readonly ServiceDescriptor Service = SurveysReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Surveys");
        private static readonly ServiceDescriptor Responses = SurveysReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SurveyResponses");
        public static readonly RpcMethod<CreateSurveyRoundRequest, CreateSurveyRoundResponse> CreateRound = Method<CreateSurveyRoundRequest, CreateSurveyRoundResponse>(Service, "CreateSurveyRound");
        public static readonly RpcMethod<GetSurveyRoundRequest, SurveyRound> GetRound = Method<GetSurveyRoundRequest, SurveyRound>(Service, "GetSurveyRound");
        public static readonly RpcMethod<ListSurveyRoundsRequest, ListSurveyRoundsResponse> ListRounds = Method<ListSurveyRoundsRequest, ListSurveyRoundsResponse>(Service, "ListSurveyRounds");
        public static readonly RpcMethod<ListInvitationsRequest, ListInvitationsResponse> ListInvitations = Method<ListInvitationsRequest, ListInvitationsResponse>(Service, "ListInvitations");
        public static readonly RpcMethod<RemindNonRespondentsRequest, RemindNonRespondentsResponse> Remind = Method<RemindNonRespondentsRequest, RemindNonRespondentsResponse>(Service, "RemindNonRespondents");
        public static readonly RpcMethod<GetQuestionnaireRequest, Questionnaire> GetQuestionnaire = Method<GetQuestionnaireRequest, Questionnaire>(Service, "GetQuestionnaire");
        public static readonly RpcMethod<CrossTabulateRequest, CrossTab> CrossTabulate = Method<CrossTabulateRequest, CrossTab>(Service, "CrossTabulate");
        public static readonly RpcMethod<ExportResponsesRequest, CsvChunk> ExportResponses = Method<ExportResponsesRequest, CsvChunk>(Service, "ExportResponses");
        public static readonly RpcMethod<SubmitResponseRequest, SubmissionReceipt> SubmitResponse = Method<SubmitResponseRequest, SubmissionReceipt>(Responses, "SubmitResponse");
    }

    public static class Keys
    {
        private static readonly ServiceDescriptor Service = GatewayReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ApiKeys");
        public static readonly RpcMethod<CreateKeyRequest, CreateKeyResponse> Create = Method<CreateKeyRequest, CreateKeyResponse>(Service, "CreateKey");
        public static readonly RpcMethod<ListKeysRequest, ListKeysResponse> List = Method<ListKeysRequest, ListKeysResponse>(Service, "ListKeys");
        public static readonly RpcMethod<RotateKeyRequest, RotateKeyResponse> Rotate = Method<RotateKeyRequest, RotateKeyResponse>(Service, "RotateKey");
        public static readonly RpcMethod<RevokeKeyRequest, ApiKey> Revoke = Method<RevokeKeyRequest, ApiKey>(Service, "RevokeKey");
    }

    public static class Session
    {
        private static readonly ServiceDescriptor Service = GatewayReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Session");
        public static readonly RpcMethod<GetCallerRequest, CallerIdentity> GetCaller = Method<GetCallerRequest, CallerIdentity>(Service, "GetCaller");
    }
}
