namespace Exchange.Contracts.Missions;

/// <summary>The activity will not take place.</summary>
public sealed record ActivityCancelled(
    Guid ActivityId,
    Guid ProjectId,
    int FiscalYear,
    string SupportTool,
    string Reason,
    DateTimeOffset OccurredAt);
