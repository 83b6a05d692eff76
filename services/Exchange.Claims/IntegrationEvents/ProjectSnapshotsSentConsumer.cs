using Exchange.Contracts.Projects;
using Exchange.Messaging.CatchUp;
using Exchange.Messaging.Inbox;
using Exchange.Claims.Data;
using MassTransit;

namespace Exchange.Claims.IntegrationEvents;

/// <summary>
/// Records that the Projects service answered this service's request for the snapshot of every
/// project, so that it stops asking and never asks again. The snapshots went out before this on
/// the same outbox stream, so they are in this service's queue by now. An answer to another
/// service's request changes nothing.
/// </summary>
public sealed class ProjectSnapshotsSentConsumer(ClaimsDb db, TimeProvider clock, ILogger<ProjectSnapshotsSentConsumer> logger)
    : IdempotentConsumer<ProjectSnapshotsSent, ClaimsDb>(db)
{
    /// <summary>The name of the catch-up on projects (<c>AddCatchUp</c>).</summary>
    public const string CatchUp = "project-snapshots";

    protected override async Task HandleAsync(ConsumeContext<ProjectSnapshotsSent> context)
    {
        var answer = context.Message;
        if (await CatchUpRequests.AnsweredAsync(Db, CatchUp, answer.RequestId, clock.GetUtcNow(), context.CancellationToken))
            logger.LogInformation("Caught up on projects: the Projects service sent the snapshots of {Projects} projects (request {RequestId})", answer.Projects, answer.RequestId);
    }
}
