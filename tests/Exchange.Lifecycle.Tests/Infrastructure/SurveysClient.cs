using Exchange.Surveys.V1;

namespace Exchange.Lifecycle.Tests.Infrastructure;

/// <summary>The Surveys service as coordinators use it.</summary>
public sealed class SurveysClient(Uri address) : ServiceClient(address, SurveysReflection.Descriptor.Services[0])
{
    public Task<ListScheduledSurveysResponse> Scheduled(string projectId) =>
        Call<ListScheduledSurveysRequest, ListScheduledSurveysResponse>("ListScheduledSurveys", new() { ProjectId = projectId }, Caller.Coordinator);

    /// <summary>Opens a round answering one scheduled follow-up survey.</summary>
    public Task<CreateSurveyRoundResponse> OpenFollowUpRound(ScheduledSurvey schedule) =>
        Call<CreateSurveyRoundRequest, CreateSurveyRoundResponse>("CreateSurveyRound", new()
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Title = new LocalizedText { En = $"Follow-up FY{schedule.DueFiscalYear}" },
            QuestionnaireId = schedule.QuestionnaireId,
            FiscalYear = schedule.DueFiscalYear,
            ScheduledSurveyIds = { schedule.Id },
        }, Caller.Coordinator);

    public Task<SurveyRound> Close(string roundId) => Call<CloseSurveyRoundRequest, SurveyRound>("CloseSurveyRound", new() { RoundId = roundId }, Caller.Coordinator);
}
