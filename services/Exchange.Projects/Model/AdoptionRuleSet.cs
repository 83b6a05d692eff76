using Exchange.Projects.V1;

namespace Exchange.Projects.Model;

/// <summary>
/// The adoption rules of a programme for a fiscal year, maintained by coordinators. Zero switches
/// a rule off. Defaults follow the programme's published selection criteria.
/// </summary>
public sealed class AdoptionRuleSet
{
    public Programme Programme { get; set; }

    public int FiscalYear { get; set; }

    public int MaxSupportedFiscalYears { get; set; }

    public int MinSmeMembers { get; set; }

    public decimal MinSmeSharePercent { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>
    /// Regional Industry Tie-up: at most three fiscal years, at least five SMEs, SMEs two thirds
    /// of the participants. Region-to-Region projects ran one to five fiscal years and had no SME rules.
    /// </summary>
    public static AdoptionRuleSet Default(Programme programme, int fiscalYear) => programme switch
    {
        Programme.RegionalIndustryTieUp => new AdoptionRuleSet
        {
            Programme = programme, FiscalYear = fiscalYear,
            MaxSupportedFiscalYears = 3, MinSmeMembers = 5, MinSmeSharePercent = 66.67m,
        },
        _ => new AdoptionRuleSet
        {
            Programme = programme, FiscalYear = fiscalYear,
            MaxSupportedFiscalYears = 5, MinSmeMembers = 0, MinSmeSharePercent = 0,
        },
    };
}
