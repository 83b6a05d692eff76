namespace Exchange.Contracts.Projects;

/// <summary>
/// An achievement of the tie-up was recorded. <paramref name="Kind"/> is the achievement kind
/// (e.g. "JointVenture", "TechnologyTransferContract"); <paramref name="Timing"/> says whether it came
/// "During" the supported period or "After" the project ended.
/// </summary>
public sealed record AchievementRecorded(
    Guid ProjectId,
    Guid AchievementId,
    string Kind,
    string Timing,
    DateTimeOffset AchievedAt,
    DateTimeOffset OccurredAt);
