using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>
/// The programme pays a tool up to its programme share in the project's budget of the year:
/// this claim together with the others of the tool (approved at their sanctioned amounts, open
/// ones at their claimed amounts) stays within it.
/// </summary>
public sealed class WithinBudgetRule : ClaimRule
{
    public override string Name => "within-budget";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        var c = claim.Claim;
        if (claim.Budget.ProgrammeShare is not { } share)
        {
            yield return OnClaim("", $"the project has no budget for FY{c.FiscalYear}; coordinators set it before claims can be judged against it");
            yield break;
        }
        var total = claim.Budget.CommittedByOthers + claim.ClaimedYen;
        if (total > share)
            yield return OnClaim("", $"{c.SupportTool} in FY{c.FiscalYear} would come to {total} JPY with this claim ({claim.ClaimedYen} JPY); its programme share is {share} JPY");
    }
}
