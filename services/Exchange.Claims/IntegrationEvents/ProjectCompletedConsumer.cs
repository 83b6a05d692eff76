using Exchange.Claims.Data;
using Exchange.Claims.Model;
using Exchange.Contracts.Claims;
using Exchange.Contracts.Projects;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Claims.IntegrationEvents;

/// <summary>
/// A completed project starts its closing period: claims are accepted until it ends, none after.
/// The start is announced (ProjectClaimsClosingStarted) so that the project's lifecycle shows the
/// deadline; <see cref="Lifecycle.ClosingPeriods"/> announces the end.
/// </summary>
public sealed class ProjectCompletedConsumer(ClaimsDb db, IEventOutbox outbox, IOptions<ClaimsOptions> options, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, ClaimsDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProjectCompleted> context)
    {
        var message = context.Message;
        // A project completes once; a copy of the event finds its closing period started.
        if (await Db.Closings.AnyAsync(c => c.ProjectId == message.ProjectId, context.CancellationToken)) return;
        var closing = ProjectClosing.Start(message.ProjectId, message.LastFiscalYear, message.OccurredAt, options.Value.ClosingPeriod);
        Db.Closings.Add(closing);
        await outbox.AddAsync(Db, message.ProjectId.ToString(),
            new ProjectClaimsClosingStarted(message.ProjectId, message.LastFiscalYear, closing.Deadline, message.OccurredAt), cancellationToken: context.CancellationToken);
        logger.LogInformation("Project {ProjectId} completed; its claims are accepted until {Deadline}", message.ProjectId, closing.Deadline);
    }
}
