using Exchange.Claims.Checks;
using Exchange.Claims.Model;
using Exchange.Claims.V1;

namespace Exchange.Claims.Rules;

/// <summary>
/// The rulebook caps each category per event, per person, per day or per person and day, in yen.
/// Lines that cannot be converted are left out of the sums (their own rules report them).
/// </summary>
public sealed class CategoryCapRule : ClaimRule
{
    public override string Name => "category-cap";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        if (claim.ToolRules is not { } tool) yield break;
        var days = claim.Claim.ActivityDays;
        foreach (var category in tool.Categories.Where(c => c.CapBasis != CapBasis.Unspecified))
        {
            var lines = claim.Lines.Where(l => l.Line.Category == category.Category && l.Yen is not null).ToList();
            var perPerson = category.CapBasis is CapBasis.PerPerson or CapBasis.PerPersonPerDay;
            var limit = category.CapBasis is CapBasis.PerDay or CapBasis.PerPersonPerDay ? category.CapJpy * days : category.CapJpy;
            var groups = perPerson
                ? lines.Where(l => l.Line.PersonKey.Length > 0).GroupBy(l => l.Line.PersonKey)
                : lines.GroupBy(_ => "");
            foreach (var group in groups)
            {
                var sum = group.Sum(l => l.Yen!.Value);
                if (sum <= limit) continue;
                var whose = group.Key.Length > 0 ? $" of {group.Key}" : "";
                var which = string.Join(", ", group.Select(l => l.Index + 1));
                yield return AtLine(group.Last(), "amount",
                    $"{category.Category}{whose} (line{(group.Count() > 1 ? "s" : "")} {which}) comes to {sum} JPY; the cap is {Describe(category, days, limit)}");
            }
        }
    }

    private static string Describe(CategoryRuleValue category, int days, long limit) => category.CapBasis switch
    {
        CapBasis.PerEvent => $"{limit} JPY per event",
        CapBasis.PerPerson => $"{limit} JPY per person",
        CapBasis.PerDay => $"{category.CapJpy} JPY per day x {days} days = {limit} JPY",
        CapBasis.PerPersonPerDay => $"{category.CapJpy} JPY per person per day x {days} days = {limit} JPY",
        _ => "none",
    };
}
