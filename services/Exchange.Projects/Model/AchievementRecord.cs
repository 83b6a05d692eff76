using Exchange.Projects.V1;

namespace Exchange.Projects.Model;

/// <summary>Something the tie-up achieved; its timing is derived from the supported period.</summary>
public sealed record AchievementRecord(
    string Id,
    AchievementKind Kind,
    DateOnly Date,
    string Description,
    string ActivityId,
    string RecordedBy,
    DateTimeOffset RecordedAt);
