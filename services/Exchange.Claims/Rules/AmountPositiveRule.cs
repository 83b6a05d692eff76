using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>A line claims a cost: more than zero. Refunds are not claimed as negative lines.</summary>
public sealed class AmountPositiveRule : ClaimRule
{
    public override string Name => "amount-positive";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        foreach (var line in claim.Lines.Where(l => l.Amount is <= 0))
            yield return AtLine(line, "amount.amount", $"{line.Line.Amount} {line.Line.Currency} is not more than zero");
    }
}
