using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>
/// What the programme never pays for, whatever the tool: receptions, the participants' own
/// travel. Found by the line's category or by a keyword of its description.
/// </summary>
public sealed class IneligibleItemRule : ClaimRule
{
    public override string Name => "ineligible-item";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        if (claim.Rules is not { } rules) yield break;
        foreach (var line in claim.Lines)
        {
            if (rules.IneligibleItemOf(line.Line.Category, line.Line.Description) is not { } item) continue;
            var field = item.Category == line.Line.Category ? "category" : "description";
            yield return AtLine(line, field, $"{item.Description} ({item.Category})");
        }
    }
}
