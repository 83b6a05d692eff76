namespace Exchange.Contracts.Surveys;

/// <summary>
/// A completed project is due a follow-up survey <paramref name="OffsetFiscalYears"/> fiscal years
/// after its last supported year (0: at completion), in <paramref name="DueFiscalYear"/>.
/// <paramref name="DueOn"/> is a calendar date (UTC midnight). <paramref name="PlannedOffsetFiscalYears"/>
/// (added later, so optional for older publishers) lists every offset scheduled with this one, so
/// that a consumer knows how many follow-up surveys the project is due and which is the last.
/// </summary>
public sealed record FollowUpSurveyScheduled(
    Guid ScheduleId,
    Guid ProjectId,
    int OffsetFiscalYears,
    int DueFiscalYear,
    DateTime DueOn,
    string QuestionnaireId,
    DateTimeOffset OccurredAt,
    int[]? PlannedOffsetFiscalYears = null);
