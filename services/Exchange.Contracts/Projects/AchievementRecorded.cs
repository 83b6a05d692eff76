namespace Exchange.Contracts.Projects;

/// <summary>
/// An achievement of the tie-up was recorded. <paramref name="Timing"/> is "DuringSupport" or
/// "AfterSupport"; <paramref name="ActivityId"/> names the mission or invitation that led to it, if any.
/// </summary>
public sealed record AchievementRecorded(
    Guid ProjectId,
    string AchievementId,
    string Kind,
    string Timing,
    DateTime AchievedOn,
    string ActivityId,
    string RecordedBy,
    DateTimeOffset OccurredAt);
