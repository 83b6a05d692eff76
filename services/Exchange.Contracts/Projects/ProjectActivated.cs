namespace Exchange.Contracts.Projects;

/// <summary>Work of the adopted (or continued) fiscal year started.</summary>
public sealed record ProjectActivated(Guid ProjectId, int FiscalYear, DateTimeOffset OccurredAt);
