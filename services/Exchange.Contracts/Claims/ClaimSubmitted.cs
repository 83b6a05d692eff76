namespace Exchange.Contracts.Claims;

/// <summary>
/// The implementation body submitted the claim (again, after a return, when
/// <paramref name="Resubmission"/>). Amounts are whole yen.
/// </summary>
public sealed record ClaimSubmitted(
    Guid ClaimId,
    Guid ProjectId,
    int FiscalYear,
    Guid ActivityId,
    string SupportTool,
    long ClaimedJpy,
    bool Resubmission,
    string SubmittedBy,
    DateTimeOffset OccurredAt);
