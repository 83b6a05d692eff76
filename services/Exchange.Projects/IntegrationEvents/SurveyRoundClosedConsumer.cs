using Exchange.Contracts.Surveys;
using Exchange.Messaging.Inbox;
using Exchange.Projects.Data;
using Exchange.Projects.Lifecycle;
using MassTransit;

namespace Exchange.Projects.IntegrationEvents;

/// <summary>A survey round closed: when it answers a project's last follow-up survey, the project is closed. Once per message (inbox) and per round.</summary>
public sealed class SurveyRoundClosedConsumer(ProjectsDb db, ProjectLifecycles lifecycles) : IdempotentConsumer<SurveyRoundClosed, ProjectsDb>(db)
{
    protected override Task HandleAsync(ConsumeContext<SurveyRoundClosed> context) => lifecycles.OnRoundClosedAsync(context.Message, context.CancellationToken);
}
