namespace Exchange.Contracts.Claims;

/// <summary>
/// A draft claim was opened for a completed activity, pre-filled with its support tool, fiscal
/// year, dates and funded people.
/// </summary>
public sealed record ClaimDrafted(
    Guid ClaimId,
    Guid ProjectId,
    int FiscalYear,
    Guid ActivityId,
    string SupportTool,
    int FundedPersons,
    DateTimeOffset OccurredAt);
