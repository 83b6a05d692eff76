namespace Exchange.Contracts.Projects;

/// <summary>
/// The state of a project after any change, published with every change. Other services keep
/// read models of projects from it; a snapshot with a lower <paramref name="Version"/> than the one
/// held is stale and ignored.
/// </summary>
public sealed record ProjectStateChanged(
    Guid ProjectId,
    string Programme,
    string Title,
    string Status,
    long Version,
    string DomesticBodyId,
    string[] OverseasBodyIds,
    int[] SupportedFiscalYears,
    int PlannedFirstYear,
    int PlannedLastYear,
    DateTimeOffset OccurredAt);
