using Exchange.Claims.Checks;
using Exchange.Claims.Model;
using Exchange.Claims.Money;

namespace Exchange.Claims.Rules;

/// <summary>An amount has no more decimals than its currency's minor unit (JPY none, EUR two).</summary>
public sealed class AmountPrecisionRule : ClaimRule
{
    public override string Name => "amount-precision";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        foreach (var line in claim.Lines.Where(l => l.Amount is not null && l.CurrencyKnown))
        {
            var units = Currencies.MinorUnitsOf(line.Line.Currency);
            if (line.Decimals > units)
                yield return AtLine(line, "amount.amount", $"{line.Line.Amount} has {line.Decimals} decimals; {line.Line.Currency} has {units}");
        }
    }
}
