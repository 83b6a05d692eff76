using Exchange.Contracts.Projects;
using Exchange.Messaging.Inbox;
using Exchange.Missions.Data;
using Exchange.Missions.Model;
using Exchange.Missions.ProjectChecks;
using MassTransit;

namespace Exchange.Missions.IntegrationEvents;

/// <summary>
/// Keeps the local read model of projects from the snapshot the Projects service publishes with
/// every change. The highest version wins, so snapshots arriving late or twice change nothing;
/// the inbox makes a redelivered message a no-op as well. Two writers of one project at once
/// collide on the version column, and the loser's retry finds the newer state.
/// </summary>
public sealed class ProjectStateChangedConsumer(MissionsDb db, ProjectsReadModel readModel, ILogger<ProjectStateChangedConsumer> logger)
    : IdempotentConsumer<ProjectStateChanged, MissionsDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProjectStateChanged> context)
    {
        var state = context.Message;
        var applied = await readModel.ApplyAsync(ProjectSnapshot.ViewOf(state), ProjectsReadModel.FromEvent, context.CancellationToken);
        if (applied)
            logger.LogInformation("Read model: project {ProjectId} is {Status} at version {Version}", state.ProjectId, state.Status, state.Version);
        else
            logger.LogDebug("Read model: stale state of project {ProjectId} (version {Version}) ignored", state.ProjectId, state.Version);
    }
}
