using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>A coordinator invoices the months of the contract, not those before or after it.</summary>
public sealed class InvoiceMonthWithinContractRule(MonthValue month, MonthValue first, MonthValue last) : BusinessRule
{
    public override string Name => "invoice-month-within-contract";

    public override bool IsBroken() => month.Number < first.Number || month.Number > last.Number;

    public override string Explain() => $"{month} is outside the contract's months {first} to {last}";
}
