using Exchange.Projects.V1;

namespace Exchange.Projects.Rules;

/// <summary>
/// Projects are adopted within their programme's years: Region-to-Region from FY1996 to FY2006,
/// the Regional Industry Tie-up programme from FY2007. Continuations may run past the end.
/// </summary>
public sealed class ProgrammeFiscalYearsRule(Programme programme, int fiscalYear) : BusinessRule
{
    public override string Name => "programme-fiscal-years";

    public override bool IsBroken() => programme switch
    {
        Programme.RegionToRegion => fiscalYear is < 1996 or > 2006,
        Programme.RegionalIndustryTieUp => fiscalYear < 2007,
        _ => true,
    };

    public override string Explain() => programme switch
    {
        Programme.RegionToRegion => $"the Region-to-Region project ran FY1996-FY2006, not FY{fiscalYear}",
        _ => $"the Regional Industry Tie-up programme starts in FY2007, not FY{fiscalYear}",
    };
}
