using Exchange.Claims.Model;
using Exchange.Claims.V1;
using CoordinatorContract = Exchange.Claims.Model.CoordinatorContract;

namespace Exchange.Claims.Rules;

/// <summary>
/// A project retains at most two coordinators per fiscal year, one from Japan and one from
/// overseas (the rulebook's limits; 0 switches a limit off). Names the total rule when the total
/// is reached, the side rule when only the side is.
/// </summary>
public sealed class CoordinatorLimitsRule(RulebookContent rules, IReadOnlyCollection<CoordinatorContract> existing, CoordinatorSide side, int fiscalYear) : BusinessRule
{
    public const string TotalRule = "max-two-coordinators";
    public const string SideRule = "one-japan-one-overseas";

    private bool TotalReached => rules.MaxCoordinators > 0 && existing.Count >= rules.MaxCoordinators;

    private int SideLimit => side == CoordinatorSide.Japan ? rules.MaxJapanCoordinators : rules.MaxOverseasCoordinators;

    private int OnSide => existing.Count(c => c.Side == side);

    public override string Name => TotalReached ? TotalRule : SideRule;

    public override bool IsBroken() => TotalReached || (SideLimit > 0 && OnSide >= SideLimit);

    public override string Explain() => TotalReached
        ? $"the project retains {existing.Count} coordinators in FY{fiscalYear} already ({Names(existing)}); the programme pays for at most {rules.MaxCoordinators}, one from Japan and one from overseas"
        : $"the project retains {OnSide} {Side} coordinator(s) in FY{fiscalYear} already ({Names(existing.Where(c => c.Side == side))}); at most {SideLimit} from {Side}";

    private string Side => side == CoordinatorSide.Japan ? "Japan" : "overseas";

    private static string Names(IEnumerable<CoordinatorContract> contracts) => string.Join(", ", contracts.Select(c => c.CoordinatorName));
}
