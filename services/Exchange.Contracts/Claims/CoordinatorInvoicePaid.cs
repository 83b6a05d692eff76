namespace Exchange.Contracts.Claims;

/// <summary>A coordinator's monthly invoice was paid, once.</summary>
public sealed record CoordinatorInvoicePaid(
    Guid ContractId,
    string InvoiceId,
    Guid ProjectId,
    int FiscalYear,
    string PaymentId,
    long AmountJpy,
    DateTime PaidOn,
    DateTimeOffset OccurredAt);
