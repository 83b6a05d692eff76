using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>
/// Each support tool pays for its own cost categories (a workshop its venue and lecturers, a
/// mission its expert's travel and meeting arrangements). Categories the rulebook names as
/// ineligible are reported by <see cref="IneligibleItemRule"/> instead.
/// </summary>
public sealed class CategoryUnknownRule : ClaimRule
{
    public override string Name => "category-unknown";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        if (claim.Rules is not { } rules) yield break;
        var tool = claim.ToolRules;
        foreach (var line in claim.Lines)
        {
            var category = line.Line.Category;
            if (category.Length == 0)
            {
                yield return AtLine(line, "category", "a cost category is required");
                continue;
            }
            if (tool?.Category(category) is not null || rules.IneligibleItems.Any(i => i.Category == category)) continue;
            var eligible = tool is null || tool.Categories.Count == 0 ? "none" : string.Join(", ", tool.Categories.Select(c => c.Category));
            yield return AtLine(line, "category",
                $"'{category}' is not a cost category of {claim.Claim.SupportTool} in the FY{claim.Claim.FiscalYear} rulebook; eligible: {eligible}");
        }
    }
}
