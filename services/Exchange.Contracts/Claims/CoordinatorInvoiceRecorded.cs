namespace Exchange.Contracts.Claims;

/// <summary>A coordinator's invoice for a month (<paramref name="Month"/> as "2007-04") was recorded; whole yen.</summary>
public sealed record CoordinatorInvoiceRecorded(
    Guid ContractId,
    string InvoiceId,
    Guid ProjectId,
    int FiscalYear,
    string Month,
    long TotalJpy,
    DateTimeOffset OccurredAt);
