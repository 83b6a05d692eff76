using Exchange.Claims.Data;
using Exchange.Claims.Model;
using Exchange.Claims.Rules;
using Exchange.Claims.V1;
using Microsoft.EntityFrameworkCore;
using Claim = Exchange.Claims.Model.Claim;

namespace Exchange.Claims.Checks;

/// <summary>
/// The same receipt claimed by other claims (of any project). Found when a claim is read, not when
/// it is saved, so that the first of two claims learns of the second one as well.
/// </summary>
public sealed class DuplicateFinder(ClaimsDb db)
{
    /// <summary>Rewrites the claim's receipts in the index, within the caller's unit of work.</summary>
    public async Task ReindexAsync(Claim claim, CancellationToken cancellationToken)
    {
        var held = await db.Receipts.Where(r => r.ClaimId == claim.Id).ToListAsync(cancellationToken);
        db.Receipts.RemoveRange(held);
        foreach (var line in claim.Lines.Where(l => ReceiptHashRule.IsSha256(l.ReceiptSha256)))
            db.Receipts.Add(ClaimReceipt.For(claim.Id, claim.ProjectId, line.Id, line.ReceiptSha256));
    }

    /// <summary>For each claim, the flags of its lines whose receipt another claim carries too.</summary>
    public async Task<Dictionary<Guid, List<DuplicateFlagValue>>> AcrossClaimsAsync(IReadOnlyCollection<Guid> claimIds, CancellationToken cancellationToken)
    {
        var result = claimIds.ToDictionary(id => id, _ => new List<DuplicateFlagValue>());
        var mine = await db.Receipts.AsNoTracking().Where(r => claimIds.Contains(r.ClaimId)).ToListAsync(cancellationToken);
        if (mine.Count == 0) return result;
        var hashes = mine.Select(r => r.Sha256).Distinct().ToList();
        var all = await db.Receipts.AsNoTracking().Where(r => hashes.Contains(r.Sha256)).ToListAsync(cancellationToken);
        foreach (var receipt in mine)
        {
            foreach (var other in all.Where(o => o.Sha256 == receipt.Sha256 && o.ClaimId != receipt.ClaimId).OrderBy(o => o.ClaimId).ThenBy(o => o.LineId))
            {
                result[receipt.ClaimId].Add(new DuplicateFlagValue(DuplicateKind.SameReceipt, receipt.LineId, other.ClaimId, other.LineId,
                    $"line {receipt.LineId} carries the same receipt (SHA-256 {Duplicates.Short(receipt.Sha256)}) as line {other.LineId} of claim {other.ClaimId}"));
            }
        }
        return result;
    }

    /// <summary>Claims with a receipt that another claim carries too.</summary>
    public async Task<List<Guid>> ClaimsSharingReceiptsAsync(CancellationToken cancellationToken)
    {
        var shared = db.Receipts.GroupBy(r => r.Sha256).Where(g => g.Select(r => r.ClaimId).Distinct().Count() > 1).Select(g => g.Key);
        return await db.Receipts.Where(r => shared.Contains(r.Sha256)).Select(r => r.ClaimId).Distinct().ToListAsync(cancellationToken);
    }
}
