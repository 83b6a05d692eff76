namespace Exchange.Contracts.Claims;

/// <summary>
/// A coordinator approved the claim: the programme pays <paramref name="SanctionedJpy"/>, which
/// may be lower than <paramref name="ClaimedJpy"/>. Amounts are whole yen.
/// </summary>
public sealed record ClaimApproved(
    Guid ClaimId,
    Guid ProjectId,
    int FiscalYear,
    string SupportTool,
    long ClaimedJpy,
    long SanctionedJpy,
    string ApprovedBy,
    DateTimeOffset OccurredAt);
