using Exchange.Projects.Model;

namespace Exchange.Projects.Rules;

/// <summary>An expansion adds an overseas region the project does not have yet.</summary>
public sealed class ExpandedRegionMustBeNewRule(OverseasRegionValue region, IEnumerable<OverseasRegionValue> existing) : BusinessRule
{
    public override string Name => "expanded-region-must-be-new";

    public override bool IsBroken() => existing.Any(r =>
        string.Equals(r.Name, region.Name, StringComparison.OrdinalIgnoreCase) && r.Country == region.Country);

    public override string Explain() => $"the project already ties up with {region.Name}, {region.Country}";
}
