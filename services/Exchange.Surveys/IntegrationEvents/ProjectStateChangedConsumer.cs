using Exchange.Contracts.Projects;
using Exchange.Messaging.Inbox;
using Exchange.Surveys.Data;
using Exchange.Surveys.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Surveys.IntegrationEvents;

/// <summary>
/// Keeps the local read model of projects from the snapshot the Projects service publishes with
/// every change. The highest version wins, so snapshots arriving late or twice change nothing;
/// the inbox makes a redelivered message a no-op as well.
/// </summary>
public sealed class ProjectStateChangedConsumer(SurveysDb db, TimeProvider clock, ILogger<ProjectStateChangedConsumer> logger)
    : IdempotentConsumer<ProjectStateChanged, SurveysDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProjectStateChanged> context)
    {
        var state = context.Message;
        var snapshot = await Db.Projects.FirstOrDefaultAsync(p => p.ProjectId == state.ProjectId, context.CancellationToken);
        if (snapshot is null)
        {
            snapshot = ProjectSnapshot.For(state.ProjectId);
            Db.Projects.Add(snapshot);
        }
        if (snapshot.Apply(state, clock.GetUtcNow()))
            logger.LogInformation("Read model: project {ProjectId} is {Status} at version {Version}", state.ProjectId, state.Status, state.Version);
        else
            logger.LogDebug("Read model: stale state of project {ProjectId} (version {Version}) ignored", state.ProjectId, state.Version);
    }
}
