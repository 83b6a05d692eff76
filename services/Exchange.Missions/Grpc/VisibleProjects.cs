using Exchange.Identity;
using Exchange.Missions.Data;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Missions.Grpc;

/// <summary>The projects whose activities a caller may see, from the read model; null for callers who see all.</summary>
internal static class VisibleProjects
{
    public static async Task<HashSet<Guid>?> ForAsync(MissionsDb db, ExchangePrincipal caller, CancellationToken cancellationToken)
    {
        if (ActivityAuthorization.SeesAll(caller)) return null;
        var party = $"|{caller.OrganisationId}|";
        var candidates = await db.Projects.AsNoTracking().Where(p => p.PartyIndex.Contains(party)).ToListAsync(cancellationToken);
        // The index finds the organisation on either side; the role decides which side counts.
        return [.. candidates.Select(p => p.ToView()).Where(p => ProjectAccess.CanRead(caller, p.Parties)).Select(p => p.Id)];
    }
}
