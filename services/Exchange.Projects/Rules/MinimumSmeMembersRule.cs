namespace Exchange.Projects.Rules;

/// <summary>A project needs at least N SMEs taking part (five in the Regional Industry Tie-up programme).</summary>
public sealed class MinimumSmeMembersRule(int smeCount, int min) : BusinessRule
{
    public override string Name => "min-sme-members";

    public override bool IsBroken() => min > 0 && smeCount < min;

    public override string Explain() => $"the project has {smeCount} SMEs taking part; at least {min} are required";
}
