using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>
/// A line in a foreign currency converts at the rate in force on its value date (the latest
/// rate effective on or before it): without one it cannot be converted, and coordinators add it.
/// </summary>
public sealed class ExchangeRateAtValueDateRule : ClaimRule
{
    public override string Name => "exchange-rate-at-value-date";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        foreach (var line in claim.Lines.Where(l => l.CurrencyKnown && !l.IsYen && l.ValueDate is not null && l.Rate is null))
            yield return AtLine(line, "value_date", $"there is no {line.Line.Currency} rate on or before {line.ValueDate:yyyy-MM-dd}");
    }
}
