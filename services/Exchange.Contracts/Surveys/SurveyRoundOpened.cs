namespace Exchange.Contracts.Surveys;

/// <summary>
/// A survey round was opened: a questionnaire version sent to a target list. <paramref name="Purpose"/>
/// is a QuestionnairePurpose name of exchange.surveys.v1 ("SuccessFactor", "ClusterEvaluation").
/// </summary>
public sealed record SurveyRoundOpened(
    Guid RoundId,
    string Title,
    string QuestionnaireId,
    int QuestionnaireVersion,
    string Purpose,
    int FiscalYear,
    int InvitationCount,
    Guid[] ProjectIds,
    string[] ClusterIds,
    Guid[] ScheduledSurveyIds,
    string OpenedBy,
    DateTimeOffset OccurredAt);
