namespace Exchange.Contracts.Claims;

/// <summary>A coordinator's monthly invoice was approved for <paramref name="ApprovedJpy"/> (whole yen).</summary>
public sealed record CoordinatorInvoiceApproved(
    Guid ContractId,
    string InvoiceId,
    Guid ProjectId,
    int FiscalYear,
    string Month,
    long ApprovedJpy,
    DateTimeOffset OccurredAt);
