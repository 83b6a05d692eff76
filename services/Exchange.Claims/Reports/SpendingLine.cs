using Exchange.Claims.Model;
using Exchange.Claims.Money;
using Exchange.Claims.V1;
using Exchange.Missions.V1;
using Claim = Exchange.Claims.Model.Claim;

namespace Exchange.Claims.Reports;

/// <summary>
/// One claim line as spending: its project, tool, category and original currency, and its yen
/// claimed (submitted claims and later), approved (approved and paid claims, sanctioned) and paid.
/// Drafts, returned and rejected claims spend nothing.
/// </summary>
public sealed record SpendingLine(Guid ProjectId, SupportTool SupportTool, string Category, string Currency, decimal Original, long ClaimedJpy, long ApprovedJpy, long PaidJpy)
{
    private static readonly ClaimStatus[] Claimed = [ClaimStatus.Submitted, ClaimStatus.UnderReview, ClaimStatus.Resubmitted, ClaimStatus.Approved, ClaimStatus.Paid];

    public static bool Spends(ClaimStatus status) => Claimed.Contains(status);

    public static IEnumerable<SpendingLine> Of(Claim claim)
    {
        if (!Spends(claim.Status)) yield break;
        var approved = claim.Status is ClaimStatus.Approved or ClaimStatus.Paid;
        foreach (var line in claim.Lines)
        {
            DecimalText.TryParse(line.Amount, out var original, out _);
            var sanctioned = approved ? line.SanctionedJpy ?? 0 : 0;
            yield return new SpendingLine(claim.ProjectId, claim.SupportTool, line.Category, line.Currency, original, line.AmountJpy ?? 0,
                sanctioned, claim.Status == ClaimStatus.Paid ? sanctioned : 0);
        }
    }
}
