namespace Exchange.Contracts.Claims;

/// <summary>
/// The approved claim was paid, once: <paramref name="PaymentId"/> is the payer's id of the
/// payment. Published once per claim whatever was retried or redelivered.
/// </summary>
public sealed record ClaimPaid(
    Guid ClaimId,
    Guid ProjectId,
    int FiscalYear,
    string PaymentId,
    long AmountJpy,
    DateTime PaidOn,
    DateTimeOffset OccurredAt);
