namespace Exchange.Contracts.Projects;

/// <summary>The project was continued from one fiscal year into the next.</summary>
public sealed record ProjectContinued(Guid ProjectId, int PreviousFiscalYear, int FiscalYear, DateTimeOffset OccurredAt);
