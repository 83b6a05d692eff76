namespace Exchange.Contracts.Missions;

/// <summary>
/// An outcome of a mission or invitation, reported as an achievement of its project. The
/// Projects service records it once per <paramref name="AchievementId"/>. <paramref name="Kind"/>
/// is an achievement kind name of exchange.projects.v1 (e.g. "JointVenture", "AgreementOrMou").
/// </summary>
public sealed record ActivityOutcomeReported(
    Guid ProjectId,
    string AchievementId,
    string Kind,
    DateTime AchievedOn,
    string Description,
    string ActivityId,
    string ReportedBy,
    DateTimeOffset OccurredAt);
