namespace Exchange.Contracts.Missions;

/// <summary>
/// A completed activity was reopened for correction: what its last <see cref="ActivityCompleted"/>
/// said may change; another one follows when it is completed again.
/// </summary>
public sealed record ActivityReopened(Guid ActivityId, Guid ProjectId, int FiscalYear, string Reason, DateTimeOffset OccurredAt);
