namespace Exchange.Contracts.Projects;

/// <summary>A proposal (or an adopted project not yet started) was withdrawn.</summary>
public sealed record ProjectWithdrawn(Guid ProjectId, string Reason, DateTimeOffset OccurredAt);
