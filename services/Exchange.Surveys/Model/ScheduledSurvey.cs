using Exchange.Surveys.V1;

namespace Exchange.Surveys.Model;

/// <summary>
/// A follow-up survey a completed project is due: at completion and some fiscal years later.
/// One per project and offset, however often the completion is delivered.
/// </summary>
public sealed class ScheduledSurvey
{
    private ScheduledSurvey()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int OffsetFiscalYears { get; private set; }

    public int DueFiscalYear { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string QuestionnaireId { get; private set; } = "";

    public ScheduleStatus Status { get; private set; }

    public Guid? RoundId { get; private set; }

    public DateTimeOffset ScheduledAt { get; private set; }

    /// <summary>
    /// Due in the fiscal year <paramref name="offset"/> years after the last supported one, on the
    /// completion date moved on by as many years.
    /// </summary>
    public static ScheduledSurvey For(Guid projectId, int lastFiscalYear, DateOnly completedOn, int offset, string questionnaireId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ProjectId = projectId,
        OffsetFiscalYears = offset,
        DueFiscalYear = lastFiscalYear + offset,
        DueOn = completedOn.AddYears(offset),
        QuestionnaireId = questionnaireId,
        Status = ScheduleStatus.Due,
        ScheduledAt = now,
    };

    public void RoundOpened(Guid roundId)
    {
        Status = ScheduleStatus.RoundOpened;
        RoundId = roundId;
    }
}
