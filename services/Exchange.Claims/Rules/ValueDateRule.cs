using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>Each line has the date it was paid: its exchange rate is that date's.</summary>
public sealed class ValueDateRule : ClaimRule
{
    public override string Name => "value-date";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        foreach (var line in claim.Lines.Where(l => l.ValueDate is null))
        {
            yield return line.Line.ValueDate.Length == 0
                ? AtLine(line, "value_date", "the date the cost was paid is required")
                : AtLine(line, "value_date", $"{line.Line.ValueDate} is not a date");
        }
    }
}
