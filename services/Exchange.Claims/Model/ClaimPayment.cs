namespace Exchange.Claims.Model;

/// <summary>
/// The payment of a claim. Unique per claim and per payment id in the database, so that a claim
/// is paid once whatever is retried, redelivered or raced: a second payment cannot be stored.
/// </summary>
public sealed class ClaimPayment
{
    public const string FromRpc = "rpc";
    public const string FromMessage = "message";

    private ClaimPayment()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public string PaymentId { get; private set; } = "";

    public long AmountJpy { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public string Reference { get; private set; } = "";

    public string PaidBy { get; private set; } = "";

    public string Source { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static ClaimPayment Record(Guid claimId, string paymentId, long amountJpy, DateOnly paidOn, string reference, string paidBy, string source, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ClaimId = claimId,
        PaymentId = paymentId,
        AmountJpy = amountJpy,
        PaidOn = paidOn,
        Reference = reference,
        PaidBy = paidBy,
        Source = source,
        RecordedAt = now,
    };
}
