using Exchange.Claims.Data;
using Exchange.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Grpc;

/// <summary>The projects whose records a caller may see, from the read model; null for callers who see all.</summary>
internal static class VisibleProjects
{
    public static async Task<HashSet<Guid>?> ForAsync(ClaimsDb db, ExchangePrincipal caller, CancellationToken cancellationToken)
    {
        if (ClaimsAuthorization.SeesAll(caller)) return null;
        var party = $"|{caller.OrganisationId}|";
        var candidates = await db.Projects.AsNoTracking().Where(p => p.PartyIndex.Contains(party)).ToListAsync(cancellationToken);
        // The index finds the organisation on either side; the role decides which side counts.
        return [.. candidates.Select(p => p.ToView()).Where(p => ProjectAccess.CanRead(caller, p.Parties)).Select(p => p.Id)];
    }
}
