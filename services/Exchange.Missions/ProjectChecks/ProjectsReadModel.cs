using Exchange.Missions.Data;
using Exchange.Missions.Model;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Missions.ProjectChecks;

/// <summary>
/// The local read model of projects: the latest state seen of each project, from
/// ProjectStateChanged events and from the Projects service's own answers (highest version wins).
/// </summary>
public sealed class ProjectsReadModel(MissionsDb db, TimeProvider clock, ILogger<ProjectsReadModel> logger)
{
    public const string FromEvent = "event";
    public const string FromProjectsService = "projects-service";

    public Task<ProjectSnapshot?> FindAsync(Guid projectId, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);

    /// <summary>
    /// Adds <paramref name="view"/> to the unit of work when it is newer than what is held; the
    /// caller saves. False when it is stale (an older or equal version).
    /// </summary>
    public async Task<bool> ApplyAsync(ProjectView view, string source, CancellationToken cancellationToken)
    {
        var snapshot = await db.Projects.FirstOrDefaultAsync(p => p.ProjectId == view.Id, cancellationToken);
        if (snapshot is null)
        {
            snapshot = ProjectSnapshot.For(view.Id);
            db.Projects.Add(snapshot);
        }
        return snapshot.Apply(view, source, clock.GetUtcNow());
    }

    /// <summary>
    /// Keeps what the Projects service just answered, saved at once on its own. Losing a race with
    /// an event that wrote the same project meanwhile is harmless: that state is at least as new.
    /// </summary>
    public async Task RememberAsync(ProjectView view, CancellationToken cancellationToken)
    {
        try
        {
            if (!await ApplyAsync(view, FromProjectsService, cancellationToken)) return;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogDebug(ex, "Project {ProjectId} was updated in the read model meanwhile", view.Id);
        }
        finally
        {
            foreach (var entry in db.ChangeTracker.Entries<ProjectSnapshot>().ToList()) entry.State = EntityState.Detached;
        }
    }
}
