using Exchange.Contracts.Surveys;
using Exchange.Messaging.Inbox;
using Exchange.Projects.Data;
using Exchange.Projects.Lifecycle;
using MassTransit;

namespace Exchange.Projects.IntegrationEvents;

/// <summary>A survey round answering follow-up surveys opened: recorded for this service's projects it targets. Once per message (inbox) and per round.</summary>
public sealed class SurveyRoundOpenedConsumer(ProjectsDb db, ProjectLifecycles lifecycles) : IdempotentConsumer<SurveyRoundOpened, ProjectsDb>(db)
{
    protected override Task HandleAsync(ConsumeContext<SurveyRoundOpened> context) => lifecycles.OnRoundOpenedAsync(context.Message, context.CancellationToken);
}
