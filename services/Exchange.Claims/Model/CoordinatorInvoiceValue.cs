using Exchange.Claims.V1;

namespace Exchange.Claims.Model;

/// <summary>
/// A coordinator's monthly invoice: commission and travel in one currency, converted to whole yen
/// at its value date like a claim line; approved (possibly for less) and paid once.
/// </summary>
public sealed record CoordinatorInvoiceValue(
    string Id,
    int Month,
    string Currency,
    decimal Commission,
    decimal Travel,
    DateOnly ValueDate,
    decimal RateToJpy,
    long CommissionJpy,
    long TravelJpy,
    InvoiceStatus Status,
    long? ApprovedJpy,
    string ApprovalReason,
    string PaymentId,
    DateOnly? PaidOn,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public long TotalJpy => CommissionJpy + TravelJpy;
}
