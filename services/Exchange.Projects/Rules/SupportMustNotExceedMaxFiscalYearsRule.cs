namespace Exchange.Projects.Rules;

/// <summary>Support lasts at most N fiscal years (three in the Regional Industry Tie-up programme).</summary>
public sealed class SupportMustNotExceedMaxFiscalYearsRule(int supportedYearsAfter, int max) : BusinessRule
{
    public override string Name => "max-supported-fiscal-years";

    public override bool IsBroken() => max > 0 && supportedYearsAfter > max;

    public override string Explain() =>
        $"support would last {supportedYearsAfter} fiscal years; the programme supports a project for at most {max}";
}
