using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>A claim is judged by the rulebook of its fiscal year: without one, nothing can be judged eligible.</summary>
public sealed class RulebookExistsRule : ClaimRule
{
    public override string Name => "rulebook-exists";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        if (claim.Rulebook is null)
            yield return OnClaim("fiscal_year", $"there is no rulebook for FY{claim.Claim.FiscalYear} yet; coordinators set one up before claims of that year can be judged");
    }
}
