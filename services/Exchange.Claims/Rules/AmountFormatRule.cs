using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>An amount is a plain decimal ("1250.50"): no exponent, no grouping, below a trillion.</summary>
public sealed class AmountFormatRule : ClaimRule
{
    public override string Name => "amount-format";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        foreach (var line in claim.Lines.Where(l => l.Amount is null))
        {
            yield return line.Line.Amount.Trim().Length == 0
                ? AtLine(line, "amount.amount", "an amount is required")
                : AtLine(line, "amount.amount", $"'{line.Line.Amount}' is not a decimal amount such as 1250.50");
        }
    }
}
