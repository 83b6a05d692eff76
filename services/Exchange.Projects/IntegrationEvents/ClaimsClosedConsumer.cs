using Exchange.Contracts.Claims;
using Exchange.Messaging.Inbox;
using Exchange.Projects.Data;
using Exchange.Projects.Lifecycle;
using MassTransit;

namespace Exchange.Projects.IntegrationEvents;

/// <summary>The Claims service closed a completed project's claims: with its follow-up surveys scheduled, the project moves to follow-up. Once per message (inbox) and once per fact (the lifecycle's keys).</summary>
public sealed class ClaimsClosedConsumer(ProjectsDb db, ProjectLifecycles lifecycles) : IdempotentConsumer<ProjectClaimsClosed, ProjectsDb>(db)
{
    protected override Task HandleAsync(ConsumeContext<ProjectClaimsClosed> context) => lifecycles.OnClaimsClosedAsync(context.Message, context.CancellationToken);
}
