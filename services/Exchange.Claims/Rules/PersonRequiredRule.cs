using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>Costs of a person (travel, stay) name the funded person they are for.</summary>
public sealed class PersonRequiredRule : ClaimRule
{
    public override string Name => "person-required";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        if (claim.ToolRules is not { } tool) yield break;
        foreach (var line in claim.Lines.Where(l => l.Line.PersonKey.Length == 0))
        {
            if (tool.Category(line.Line.Category) is { RequiresPerson: true } category)
                yield return AtLine(line, "person_key", $"{category.Category} is a cost of a person: name the funded person it is for");
        }
    }
}
