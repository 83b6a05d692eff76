namespace Exchange.Projects.Rules;

/// <summary>A project is continued into the fiscal year right after its last supported one.</summary>
public sealed class ContinuationFollowsLastSupportedYearRule(int fiscalYear, int lastSupported) : BusinessRule
{
    public override string Name => "continuation-follows-last-supported-year";

    public override bool IsBroken() => fiscalYear != lastSupported + 1;

    public override string Explain() => $"the project was last supported in FY{lastSupported}; it can be continued into FY{lastSupported + 1}, not FY{fiscalYear}";
}
