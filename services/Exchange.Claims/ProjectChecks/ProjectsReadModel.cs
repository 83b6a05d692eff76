using Exchange.Claims.Data;
using Exchange.Claims.Model;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.ProjectChecks;

/// <summary>
/// The local read model of projects, kept from the ProjectStateChanged snapshots the Projects
/// service publishes with every change (highest version wins). Access to claims, budgets and
/// contracts is decided from the parties recorded here, so that the Claims service answers
/// whether the Projects service is up or not; the price is that a change of a project's parties
/// reaches it with the event's delay.
/// </summary>
public sealed class ProjectsReadModel(ClaimsDb db, TimeProvider clock)
{
    public async Task<ProjectView?> FindAsync(Guid projectId, CancellationToken cancellationToken) =>
        (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken))?.ToView();

    /// <summary>Adds <paramref name="view"/> to the unit of work when it is newer than what is held; false when it is stale.</summary>
    public async Task<bool> ApplyAsync(ProjectView view, CancellationToken cancellationToken)
    {
        var snapshot = await db.Projects.FirstOrDefaultAsync(p => p.ProjectId == view.Id, cancellationToken);
        if (snapshot is null)
        {
            snapshot = ProjectSnapshot.For(view.Id);
            db.Projects.Add(snapshot);
        }
        return snapshot.Apply(view, clock.GetUtcNow());
    }

    public async Task<Dictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, p => p.Title, cancellationToken);
}
