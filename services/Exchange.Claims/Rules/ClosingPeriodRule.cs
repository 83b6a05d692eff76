using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>A completed project's claims are accepted during its closing period, none after.</summary>
public sealed class ClosingPeriodRule : ClaimRule
{
    public override string Name => "closing-period";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        if (claim.ClosingDeadline is { } deadline && claim.Now > deadline)
            yield return OnClaim("", $"the project was completed and its closing period ended on {deadline:yyyy-MM-dd HH:mm} UTC; no claim is accepted after it");
    }
}
