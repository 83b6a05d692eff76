using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>A coordinator invoices once a month; a second invoice for a month would be paid twice.</summary>
public sealed class OneInvoicePerMonthRule(IEnumerable<CoordinatorInvoiceValue> invoices, int month) : BusinessRule
{
    public override string Name => "one-invoice-per-month";

    public override bool IsBroken() => invoices.Any(i => i.Month == month);

    public override string Explain() =>
        $"{MonthValue.FromNumber(month)} is invoiced already (invoice {invoices.First(i => i.Month == month).Id})";
}
