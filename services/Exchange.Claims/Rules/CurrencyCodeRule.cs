using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>Amounts are in an ISO 4217 currency.</summary>
public sealed class CurrencyCodeRule : ClaimRule
{
    public override string Name => "currency-code";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        foreach (var line in claim.Lines.Where(l => !l.CurrencyKnown))
        {
            yield return line.Line.Currency.Length == 0
                ? AtLine(line, "amount.currency", "a currency is required (ISO 4217, such as JPY, EUR or CNY)")
                : AtLine(line, "amount.currency", $"'{line.Line.Currency}' is not an ISO 4217 currency code such as JPY, EUR or CNY");
        }
    }
}
