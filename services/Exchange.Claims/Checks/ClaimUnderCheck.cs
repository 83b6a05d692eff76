using Exchange.Claims.Model;

namespace Exchange.Claims.Checks;

/// <summary>
/// Everything the content rules look at: the claim's lines as read, the rulebook of its fiscal
/// year, its budget position, its project's closing deadline and its fiscal year's cut-off.
/// </summary>
public sealed record ClaimUnderCheck(
    Claim Claim,
    IReadOnlyList<LineUnderCheck> Lines,
    Rulebook? Rulebook,
    BudgetPosition Budget,
    DateTimeOffset? ClosingDeadline,
    DateTimeOffset Now,
    DateTimeOffset? FiscalYearCutOff = null)
{
    public RulebookContent? Rules => Rulebook?.Content;

    public ToolRulesValue? ToolRules => Rules?.For(Claim.SupportTool);

    public IReadOnlyDictionary<string, FundedPersonValue> Roster { get; } =
        Claim.FundedPeople.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public long ClaimedYen => Lines.Sum(l => l.Yen ?? 0);
}

/// <summary>
/// The claim's tool in the project's budget of the year: its programme share (null without a
/// budget) and what other claims take of it (approved ones at their sanctioned amount, open ones
/// at their claimed amount).
/// </summary>
public sealed record BudgetPosition(long? ProgrammeShare, long CommittedByOthers)
{
    public static readonly BudgetPosition None = new(null, 0);
}
