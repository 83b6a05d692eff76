namespace Exchange.Projects.Rules;

/// <summary>Follow-up is reviewed once per fiscal year, for years after the supported period.</summary>
public sealed class FollowUpReviewRule(int fiscalYear, int lastSupported, IEnumerable<int> reviewedYears) : BusinessRule
{
    public override string Name => "follow-up-review-year";

    public override bool IsBroken() => fiscalYear <= lastSupported || reviewedYears.Contains(fiscalYear);

    public override string Explain() => fiscalYear <= lastSupported
        ? $"FY{fiscalYear} is within the supported period (last supported FY{lastSupported}); follow-up reviews start in FY{lastSupported + 1}"
        : $"FY{fiscalYear} has already been reviewed";
}
