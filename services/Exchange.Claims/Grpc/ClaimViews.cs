using Exchange.Claims.Checks;
using Exchange.Claims.Data;
using Exchange.Claims.Model;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Grpc;

/// <summary>Claims as the API shows them: with their payments, closing deadlines, fiscal-year cut-offs and the receipts other claims share, loaded for a whole page at once.</summary>
public sealed class ClaimViews(ClaimsDb db, DuplicateFinder duplicates)
{
    public async Task<V1.Claim> OneAsync(Claim claim, CancellationToken cancellationToken) => (await ManyAsync([claim], cancellationToken))[0];

    public async Task<List<V1.Claim>> ManyAsync(IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        var ids = claims.Select(c => c.Id).ToList();
        var projectIds = claims.Select(c => c.ProjectId).Distinct().ToList();
        var payments = await db.Payments.AsNoTracking().Where(p => ids.Contains(p.ClaimId)).ToDictionaryAsync(p => p.ClaimId, cancellationToken);
        var closings = await db.Closings.AsNoTracking().Where(c => projectIds.Contains(c.ProjectId)).ToDictionaryAsync(c => c.ProjectId, c => c.Deadline, cancellationToken);
        var cutOffs = (await db.CutOffs.AsNoTracking().Where(c => projectIds.Contains(c.ProjectId)).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.ProjectId, c.FiscalYear), c => c.CutOffAt);
        var across = await duplicates.AcrossClaimsAsync(ids, cancellationToken);
        return [.. claims.Select(c =>
        {
            var message = ClaimMapper.ToMessage(c, payments.GetValueOrDefault(c.Id), closings.TryGetValue(c.ProjectId, out var d) ? d : null, across[c.Id]);
            if (cutOffs.TryGetValue((c.ProjectId, c.FiscalYear), out var cutOff)) message.FiscalYearCutOff = Wire.Time(cutOff);
            return message;
        })];
    }
}
