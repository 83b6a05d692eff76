namespace Exchange.Contracts.Projects;

/// <summary>A continued project expanded to a further overseas region, possibly with a new overseas body.</summary>
public sealed record ProjectRegionExpanded(
    Guid ProjectId,
    int FiscalYear,
    string RegionName,
    string Country,
    string WorldArea,
    string OverseasBodyId,
    DateTimeOffset OccurredAt);
