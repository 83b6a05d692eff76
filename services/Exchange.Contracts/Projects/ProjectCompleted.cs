namespace Exchange.Contracts.Projects;

/// <summary>The supported period ended; the project enters follow-up.</summary>
public sealed record ProjectCompleted(
    Guid ProjectId,
    int LastFiscalYear,
    DateTimeOffset OccurredAt);
