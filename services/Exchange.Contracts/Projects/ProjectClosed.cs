namespace Exchange.Contracts.Projects;

/// <summary>The project was closed: follow-up ended and no further records are expected.</summary>
public sealed record ProjectClosed(Guid ProjectId, string Reason, DateTimeOffset OccurredAt);
