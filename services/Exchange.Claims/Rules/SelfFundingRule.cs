using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>
/// The implementation body and its companies fund at least a share of the project's total budget
/// of the year (RIT: one third). Compared exactly: own x denominator >= total x numerator.
/// </summary>
public sealed class SelfFundingRule(long ownShare, long programmeShare, int numerator, int denominator) : BusinessRule
{
    public override string Name => "self-funding";

    private long Total => ownShare + programmeShare;

    public override bool IsBroken() => numerator > 0 && denominator > 0 && (decimal)ownShare * denominator < (decimal)Total * numerator;

    public override string Explain() =>
        $"the own share is {ownShare} JPY of a total budget of {Total} JPY; the implementation body and its companies fund at least " +
        $"{numerator}/{denominator} of it, i.e. {Math.Ceiling((decimal)Total * numerator / denominator)} JPY";
}
