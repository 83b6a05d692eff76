namespace Exchange.Contracts.Projects;

/// <summary>A domestic implementation body proposed a tie-up with one or more overseas regions.</summary>
public sealed record ProjectRegistered(
    Guid ProjectId,
    string Name,
    string Theme,
    string Sector,
    Guid DomesticRegionId,
    Guid DomesticImplementationBodyId,
    DateTimeOffset OccurredAt);
