namespace Exchange.Contracts.Claims;

/// <summary>A project's budget for a fiscal year was set; totals in whole yen.</summary>
public sealed record BudgetSet(Guid ProjectId, int FiscalYear, long ProgrammeShareJpy, long OwnShareJpy, long Version, DateTimeOffset OccurredAt);
