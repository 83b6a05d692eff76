namespace Exchange.Contracts.Projects;

/// <summary>The supported period ended; follow-up comes next.</summary>
public sealed record ProjectCompleted(Guid ProjectId, int LastFiscalYear, DateTimeOffset OccurredAt);
