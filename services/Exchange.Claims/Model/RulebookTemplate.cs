using Exchange.Claims.V1;
using Exchange.Missions.V1;

namespace Exchange.Claims.Model;

/// <summary>
/// The starting point of a fiscal year's rulebook (<c>Claims:RulebookTemplate</c>). Which cost
/// categories each support tool pays for follows the programme's published descriptions; the
/// amounts are not published anywhere, so the caps below are illustrative placeholders that
/// coordinators replace (in the settings, e.g. <c>Claims:RulebookTemplate:Categories:stay:Cap=25000</c>,
/// or in the rulebook itself with SetRulebook). The limits (one third self-funding, three funded
/// invitees per company, one Japan and one overseas coordinator) are the programme's published ones.
/// </summary>
public sealed class RulebookTemplate
{
    /// <summary>Eligible categories by code, with label, cap basis, cap in yen and whether lines name a person.</summary>
    public Dictionary<string, TemplateCategory> Categories { get; set; } = new(StringComparer.Ordinal)
    {
        ["venue"] = new("Venue", CapBasis.PerDay, 300_000, false),
        ["lecturer_fee"] = new("Lecturers' fees", CapBasis.PerPersonPerDay, 50_000, true),
        ["travel"] = new("Travel", CapBasis.PerPerson, 400_000, true),
        ["stay"] = new("Stay", CapBasis.PerPersonPerDay, 20_000, true),
        ["local_transport"] = new("Local transport", CapBasis.PerDay, 50_000, false),
        ["interpretation"] = new("Interpretation", CapBasis.PerDay, 80_000, false),
        ["survey_fee"] = new("Overseas survey fee", CapBasis.PerEvent, 3_000_000, false),
        ["meeting_arrangement"] = new("Arranging business meetings", CapBasis.PerEvent, 500_000, false),
        ["commission_fee"] = new("Commission fee", CapBasis.PerEvent, 1_000_000, false),
    };

    /// <summary>Each support tool's categories, comma-separated, by the tool's name.</summary>
    public Dictionary<string, string> Tools { get; set; } = new(StringComparer.Ordinal)
    {
        [nameof(SupportTool.WorkshopInJapan)] = "venue,lecturer_fee,travel,stay,interpretation",
        [nameof(SupportTool.BasicSurveyOverseas)] = "survey_fee,commission_fee",
        [nameof(SupportTool.SurveyWithBusinessTrip)] = "travel,stay,local_transport,interpretation",
        [nameof(SupportTool.ExpertInvitation)] = "travel,stay,interpretation,venue,lecturer_fee",
        [nameof(SupportTool.OverseasMission)] = "travel,stay,local_transport,interpretation,meeting_arrangement",
        [nameof(SupportTool.PartnerInvitation)] = "travel,stay,interpretation,meeting_arrangement",
    };

    public Dictionary<string, TemplateIneligibleItem> IneligibleItems { get; set; } = new(StringComparer.Ordinal)
    {
        ["reception"] = new("Receptions are not eligible", "reception,banquet,welcome party"),
        ["own_travel"] = new("The participants' own travel is not eligible: companies travel at their own expense", "own travel,private expense"),
    };

    public int MinOwnShareNumerator { get; set; } = 1;

    public int MinOwnShareDenominator { get; set; } = 3;

    public int MaxFundedInviteesPerCompany { get; set; } = 3;

    public int MaxJapanCoordinators { get; set; } = 1;

    public int MaxOverseasCoordinators { get; set; } = 1;

    public int MaxCoordinators { get; set; } = 2;

    public RulebookContent ToContent()
    {
        var tools = new List<ToolRulesValue>();
        foreach (var (name, list) in Tools)
        {
            if (!Enum.TryParse<SupportTool>(name, out var tool) || tool == SupportTool.Unspecified)
                throw new InvalidOperationException($"Claims:RulebookTemplate:Tools names '{name}', which is not a support tool");
            var categories = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(code =>
                Categories.TryGetValue(code, out var c)
                    ? new CategoryRuleValue(code, c.Label, c.CapBasis, c.Cap, c.RequiresPerson)
                    : throw new InvalidOperationException($"Claims:RulebookTemplate:Tools:{name} names the category '{code}', which Claims:RulebookTemplate:Categories does not define")).ToList();
            tools.Add(new ToolRulesValue(tool, categories));
        }
        var items = IneligibleItems.Select(i => new IneligibleItemValue(i.Key, i.Value.Description,
            [.. i.Value.Keywords.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)])).ToList();
        return new RulebookContent([.. tools.OrderBy(t => t.SupportTool)], items, MinOwnShareNumerator, MinOwnShareDenominator,
            MaxFundedInviteesPerCompany, MaxJapanCoordinators, MaxOverseasCoordinators, MaxCoordinators);
    }
}

public sealed class TemplateCategory
{
    public TemplateCategory()
    {
    }

    public TemplateCategory(string label, CapBasis capBasis, long cap, bool requiresPerson)
    {
        Label = label;
        CapBasis = capBasis;
        Cap = cap;
        RequiresPerson = requiresPerson;
    }

    public string Label { get; set; } = "";

    public CapBasis CapBasis { get; set; }

    /// <summary>Whole yen.</summary>
    public long Cap { get; set; }

    public bool RequiresPerson { get; set; }
}

public sealed class TemplateIneligibleItem
{
    public TemplateIneligibleItem()
    {
    }

    public TemplateIneligibleItem(string description, string keywords)
    {
        Description = description;
        Keywords = keywords;
    }

    public string Description { get; set; } = "";

    /// <summary>Comma-separated, matched case-insensitively in line descriptions.</summary>
    public string Keywords { get; set; } = "";
}
