using Exchange.Contracts.Surveys;
using Exchange.Messaging.Inbox;
using Exchange.Projects.Data;
using Exchange.Projects.Lifecycle;
using MassTransit;

namespace Exchange.Projects.IntegrationEvents;

/// <summary>The Surveys service scheduled a follow-up survey of a completed project: with all of them known and its claims closed, the project moves to follow-up. Once per message (inbox) and once per fact (the lifecycle's keys).</summary>
public sealed class FollowUpSurveyScheduledConsumer(ProjectsDb db, ProjectLifecycles lifecycles) : IdempotentConsumer<FollowUpSurveyScheduled, ProjectsDb>(db)
{
    protected override Task HandleAsync(ConsumeContext<FollowUpSurveyScheduled> context) => lifecycles.OnFollowUpScheduledAsync(context.Message, context.CancellationToken);
}
