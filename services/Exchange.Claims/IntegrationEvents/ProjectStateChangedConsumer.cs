using Exchange.Claims.Data;
using Exchange.Claims.Model;
using Exchange.Claims.ProjectChecks;
using Exchange.Contracts.Projects;
using Exchange.Messaging.Inbox;
using MassTransit;

namespace Exchange.Claims.IntegrationEvents;

/// <summary>
/// Keeps the local read model of projects from the snapshot the Projects service publishes with
/// every change. The highest version wins, so snapshots arriving late or twice change nothing;
/// the inbox makes a redelivered message a no-op as well.
/// </summary>
public sealed class ProjectStateChangedConsumer(ClaimsDb db, ProjectsReadModel readModel, ILogger<ProjectStateChangedConsumer> logger)
    : IdempotentConsumer<ProjectStateChanged, ClaimsDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProjectStateChanged> context)
    {
        var state = context.Message;
        if (await readModel.ApplyAsync(ProjectSnapshot.ViewOf(state), context.CancellationToken))
            logger.LogInformation("Read model: project {ProjectId} is {Status} at version {Version}", state.ProjectId, state.Status, state.Version);
        else
            logger.LogDebug("Read model: stale state of project {ProjectId} (version {Version}) ignored", state.ProjectId, state.Version);
    }
}
