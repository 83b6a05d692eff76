using Exchange.Projects.V1;

namespace Exchange.Projects.Lifecycle;

/// <summary>
/// What the lifecycle of a project follows from: the project's own state, the rollover that closed
/// its last supported year (if any), and what the Claims and Surveys services reported.
/// </summary>
public sealed record LifecycleFacts(
    ProjectStatus Status,
    IReadOnlyList<int> SupportedFiscalYears,
    int PlannedFirstYear,
    int PlannedLastYear,
    FiscalYearRollover? ClosingRollover,
    DateTimeOffset? ClaimsClosingDeadline,
    DateTimeOffset? ClaimsClosedAt,
    IReadOnlyList<FollowUpScheduleValue> FollowUps,
    IReadOnlyList<int> PlannedFollowUpOffsets,
    IReadOnlyList<FollowUpRound> Rounds)
{
    public int LastSupportedYear => SupportedFiscalYears.Count == 0 ? 0 : SupportedFiscalYears.Max();

    /// <summary>Every planned follow-up survey is known (without a plan from the publisher: at least one).</summary>
    public bool FollowUpsScheduled =>
        FollowUps.Count > 0 && PlannedFollowUpOffsets.All(offset => FollowUps.Any(f => f.OffsetFiscalYears == offset));

    /// <summary>The last follow-up survey, once every one is known.</summary>
    public FollowUpScheduleValue? LastFollowUp => FollowUpsScheduled ? FollowUps.MaxBy(f => f.OffsetFiscalYears) : null;

    /// <summary>The round answering a schedule: a closed one if there is one, else the open one.</summary>
    public FollowUpRound? RoundOf(FollowUpScheduleValue schedule) =>
        Rounds.Where(r => r.Answers(schedule.ScheduleId)).OrderBy(r => r.ClosedAt is null).ThenBy(r => r.OpenedAt).FirstOrDefault();

    public bool LastFollowUpAnswered => LastFollowUp is { } last && RoundOf(last)?.ClosedAt is not null;
}
