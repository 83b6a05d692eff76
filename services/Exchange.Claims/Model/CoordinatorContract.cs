using Exchange.Claims.Rules;
using Exchange.Claims.V1;

namespace Exchange.Claims.Model;

/// <summary>
/// The yearly contract of a coordinator a project retains (one from Japan, one from overseas at
/// most): a commission fee and a travel budget for the fiscal year, invoiced month by month, and
/// renewed into the next fiscal year when the project is continued.
/// </summary>
public sealed class CoordinatorContract
{
    private CoordinatorContract()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int FiscalYear { get; private set; }

    public CoordinatorSide Side { get; private set; }

    /// <summary>1 for the first coordinator of a side in the year, 2 for a second one where the rulebook allows it: unique with project, year and side.</summary>
    public int Slot { get; private set; }

    public string CoordinatorName { get; private set; } = "";

    public string CoordinatorOrganisation { get; private set; } = "";

    public string CoordinatorCountry { get; private set; } = "";

    public long CommissionFeeJpy { get; private set; }

    public long TravelBudgetJpy { get; private set; }

    public int FirstMonth { get; private set; }

    public int LastMonth { get; private set; }

    public ContractStatus Status { get; private set; }

    public Guid? RenewedFromId { get; private set; }

    public Guid? RenewedToId { get; private set; }

    public List<CoordinatorInvoiceValue> Invoices { get; private set; } = [];

    public string RequestId { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public long Version { get; private set; }

    public long ContractedJpy => CommissionFeeJpy + TravelBudgetJpy;

    public static CoordinatorContract Sign(CoordinatorTerms terms, int slot, string requestId, string by, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ProjectId = terms.ProjectId,
        FiscalYear = terms.FiscalYear,
        Side = terms.Side,
        Slot = slot,
        CoordinatorName = terms.Name,
        CoordinatorOrganisation = terms.Organisation,
        CoordinatorCountry = terms.Country,
        CommissionFeeJpy = terms.CommissionFeeJpy,
        TravelBudgetJpy = terms.TravelBudgetJpy,
        FirstMonth = terms.FirstMonth.Number,
        LastMonth = terms.LastMonth.Number,
        Status = ContractStatus.Active,
        RequestId = requestId,
        CreatedBy = by,
        CreatedAt = now,
        Version = 1,
    };

    /// <summary>
    /// The same coordinator on the same terms for <paramref name="fiscalYear"/>; this contract becomes
    /// renewed (also when it expired at the rollover, before its project's continuation was decided).
    /// </summary>
    public CoordinatorContract RenewInto(int fiscalYear, DateTimeOffset now)
    {
        var (first, last) = MonthValue.OfFiscalYear(fiscalYear);
        var terms = new CoordinatorTerms(ProjectId, fiscalYear, Side, CoordinatorName, CoordinatorOrganisation, CoordinatorCountry, CommissionFeeJpy, TravelBudgetJpy, first, last);
        var renewed = Sign(terms, Slot, $"renewal-of-{Id:N}", AuditEntry.System, now);
        renewed.RenewedFromId = Id;
        RenewedToId = renewed.Id;
        Status = ContractStatus.Renewed;
        Version++;
        return renewed;
    }

    /// <summary>
    /// Ends an active contract whose fiscal year was rolled over without its project being continued;
    /// false when it is not active (renewed or expired already), so that a copy of the rollover changes nothing.
    /// </summary>
    public bool Expire()
    {
        if (Status != ContractStatus.Active || RenewedToId is not null) return false;
        Status = ContractStatus.Expired;
        Version++;
        return true;
    }

    /// <summary>Active, or expired at a rollover: a continuation renews both.</summary>
    public bool IsRenewable => RenewedToId is null && Status is ContractStatus.Active or ContractStatus.Expired;

    public CoordinatorInvoiceValue RecordInvoice(CoordinatorInvoiceValue invoice, DateTimeOffset now)
    {
        BusinessRule.Enforce(new InvoiceMonthWithinContractRule(MonthValue.FromNumber(invoice.Month), MonthValue.FromNumber(FirstMonth), MonthValue.FromNumber(LastMonth)));
        BusinessRule.Enforce(new OneInvoicePerMonthRule(Invoices, invoice.Month));
        Invoices.Add(invoice);
        Version++;
        return invoice;
    }

    public CoordinatorInvoiceValue ApproveInvoice(string invoiceId, long approvedJpy, string reason)
    {
        var invoice = Invoice(invoiceId);
        BusinessRule.Enforce(new InvoiceLifecycleRule(invoice.Status, InvoiceStatus.Approved));
        return Replace(invoice with { Status = InvoiceStatus.Approved, ApprovedJpy = approvedJpy, ApprovalReason = reason });
    }

    /// <summary>Pays an approved invoice once; the same payment id again is a no-op (false), another one is refused.</summary>
    public bool PayInvoice(string invoiceId, string paymentId, DateOnly paidOn)
    {
        var invoice = Invoice(invoiceId);
        if (invoice.Status == InvoiceStatus.Paid && invoice.PaymentId == paymentId) return false;
        BusinessRule.Enforce(new PaidOnceRule("invoice", invoice.Id, invoice.PaymentId, paymentId));
        BusinessRule.Enforce(new InvoiceLifecycleRule(invoice.Status, InvoiceStatus.Paid));
        Replace(invoice with { Status = InvoiceStatus.Paid, PaymentId = paymentId, PaidOn = paidOn });
        return true;
    }

    public CoordinatorInvoiceValue Invoice(string invoiceId) =>
        Invoices.FirstOrDefault(i => i.Id == invoiceId) ?? throw new Rpc.RpcException(Rpc.StatusCode.NotFound, $"invoice {invoiceId} not found on coordinator contract {Id}");

    private CoordinatorInvoiceValue Replace(CoordinatorInvoiceValue invoice)
    {
        Invoices[Invoices.FindIndex(i => i.Id == invoice.Id)] = invoice;
        Version++;
        return invoice;
    }
}

/// <summary>What a coordinator contract is signed on.</summary>
public sealed record CoordinatorTerms(
    Guid ProjectId,
    int FiscalYear,
    CoordinatorSide Side,
    string Name,
    string Organisation,
    string Country,
    long CommissionFeeJpy,
    long TravelBudgetJpy,
    MonthValue FirstMonth,
    MonthValue LastMonth);
