namespace Exchange.Contracts.Projects;

/// <summary>A domestic implementation body proposed a tie-up with one or more overseas regions.</summary>
public sealed record ProjectRegistered(
    Guid ProjectId,
    string Programme,
    string Title,
    string Sector,
    string DomesticBodyId,
    string[] OverseasBodyIds,
    int PlannedFirstYear,
    int PlannedLastYear,
    DateTimeOffset OccurredAt);
