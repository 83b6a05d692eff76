using Exchange.Contracts.Claims;
using Exchange.Messaging.Inbox;
using Exchange.Projects.Data;
using Exchange.Projects.Lifecycle;
using MassTransit;

namespace Exchange.Projects.IntegrationEvents;

/// <summary>The Claims service started a completed project's closing period: the lifecycle shows its deadline. Once per message (inbox) and once per fact (the lifecycle's keys).</summary>
public sealed class ClaimsClosingStartedConsumer(ProjectsDb db, ProjectLifecycles lifecycles) : IdempotentConsumer<ProjectClaimsClosingStarted, ProjectsDb>(db)
{
    protected override Task HandleAsync(ConsumeContext<ProjectClaimsClosingStarted> context) => lifecycles.OnClaimsClosingStartedAsync(context.Message, context.CancellationToken);
}
