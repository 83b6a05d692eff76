namespace Exchange.Contracts.Missions;

/// <summary>The activity is confirmed to take place on these dates, with this many people so far.</summary>
public sealed record ActivityConfirmed(
    Guid ActivityId,
    Guid ProjectId,
    int FiscalYear,
    string SupportTool,
    DateTime StartDate,
    DateTime EndDate,
    int FundedPersons,
    int PrivateExpensePersons,
    DateTimeOffset OccurredAt);
