using Exchange.Claims.V1;
using Exchange.Missions.V1;

namespace Exchange.Claims.Model;

/// <summary>The rules of one rulebook version, stored as one JSON document.</summary>
public sealed record RulebookContent(
    List<ToolRulesValue> Tools,
    List<IneligibleItemValue> IneligibleItems,
    int MinOwnShareNumerator,
    int MinOwnShareDenominator,
    int MaxFundedInviteesPerCompany,
    int MaxJapanCoordinators,
    int MaxOverseasCoordinators,
    int MaxCoordinators)
{
    public ToolRulesValue? For(SupportTool tool) => Tools.FirstOrDefault(t => t.SupportTool == tool);

    /// <summary>The ineligible item a line is, by its category or a keyword of its description; null when none.</summary>
    public IneligibleItemValue? IneligibleItemOf(string category, string description) =>
        IneligibleItems.FirstOrDefault(i => i.Category == category)
        ?? IneligibleItems.FirstOrDefault(i => i.Keywords.Any(k => k.Length > 0 && description.Contains(k, StringComparison.OrdinalIgnoreCase)));
}

public sealed record ToolRulesValue(SupportTool SupportTool, List<CategoryRuleValue> Categories)
{
    public CategoryRuleValue? Category(string code) => Categories.FirstOrDefault(c => c.Category == code);
}

/// <summary>An eligible category with its cap in whole yen (no cap when the basis is unspecified).</summary>
public sealed record CategoryRuleValue(string Category, string Label, CapBasis CapBasis, long CapJpy, bool RequiresPerson);

public sealed record IneligibleItemValue(string Category, string Description, List<string> Keywords);
