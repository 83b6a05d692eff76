namespace Exchange.Contracts.Claims;

/// <summary>
/// A completed project's closing period started: its claims are accepted until
/// <paramref name="Deadline"/>, none after (<c>Claims:ClosingPeriodDays</c> after completion).
/// </summary>
public sealed record ProjectClaimsClosingStarted(Guid ProjectId, int LastFiscalYear, DateTimeOffset Deadline, DateTimeOffset OccurredAt);
