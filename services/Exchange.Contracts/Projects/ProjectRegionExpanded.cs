namespace Exchange.Contracts.Projects;

/// <summary>A continued project expanded to a further overseas region, with its implementation body.</summary>
public sealed record ProjectRegionExpanded(
    Guid ProjectId,
    int FiscalYear,
    Guid OverseasRegionId,
    Guid OverseasImplementationBodyId,
    DateTimeOffset OccurredAt);
