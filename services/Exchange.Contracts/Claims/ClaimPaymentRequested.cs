namespace Exchange.Contracts.Claims;

/// <summary>
/// A command to the Claims service: pay an approved claim (from the programme's accounting). The
/// claim is paid once, however often this message is sent or delivered: a copy with the same
/// <paramref name="PaymentId"/> changes nothing, and a paid claim is never paid by another one.
/// </summary>
public sealed record ClaimPaymentRequested(
    Guid ClaimId,
    string PaymentId,
    DateTime PaidOn,
    string Reference,
    string RequestedBy,
    DateTimeOffset OccurredAt);
