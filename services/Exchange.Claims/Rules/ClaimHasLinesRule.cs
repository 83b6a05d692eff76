using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>A claim claims something.</summary>
public sealed class ClaimHasLinesRule : ClaimRule
{
    public override string Name => "claim-has-lines";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        if (claim.Lines.Count == 0) yield return OnClaim("lines", "the claim has no lines");
    }
}
