namespace Exchange.Contracts.Projects;

/// <summary>The programme office adopted the project for a fiscal year (Japanese FY, April to March).</summary>
public sealed record ProjectAdopted(Guid ProjectId, int FiscalYear, DateTimeOffset OccurredAt);
