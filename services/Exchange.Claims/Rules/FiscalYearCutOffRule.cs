using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>Claims of a fiscal year that was rolled over are accepted until its cut-off, none after.</summary>
public sealed class FiscalYearCutOffRule : ClaimRule
{
    public const string RuleName = "fiscal-year-cut-off";

    public override string Name => RuleName;

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        if (claim.FiscalYearCutOff is { } cutOff && claim.Now >= cutOff)
        {
            var lastDay = DateOnly.FromDateTime(cutOff.ToOffset(FiscalYearCutOff.JapanOffset).DateTime).AddDays(-1);
            yield return OnClaim("", $"FY{claim.Claim.FiscalYear} was closed and its claims were accepted until {lastDay:yyyy-MM-dd} (Japan time); no claim of it is accepted after its cut-off");
        }
    }
}
