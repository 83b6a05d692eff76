using Exchange.Contracts.Projects;
using Exchange.Identity.Authentication;
using Exchange.Messaging;
using Exchange.Messaging.Persistence;
using Exchange.ServiceDefaults;
using Exchange.Surveys.Analytics;
using Exchange.Surveys.Data;
using Exchange.Surveys.IntegrationEvents;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.V1;

namespace Exchange.Surveys;

public static class Extensions
{
    /// <summary>The Surveys service's own parts: its database, events, templates, follow-up schedules and analytics.</summary>
    public static WebApplicationBuilder AddSurveysServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddServiceDatabase<SurveysDb>(builder.Configuration, "surveys");
        // Messaging:QueuePrefix lets two instances on one broker (tests) keep separate queues.
        var queuePrefix = builder.Configuration["Messaging:QueuePrefix"] ?? "surveys";
        // Snapshots one at a time: concurrent snapshots of one project would only collide on its
        // read-model row and retry.
        services.AddExchangeMessaging(builder.Configuration, queuePrefix, bus =>
        {
            bus.AddConsumer<ProjectStateChangedConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            bus.AddConsumer<ProjectSnapshotsSentConsumer>();
            bus.AddConsumer<ProjectCompletedConsumer>();
        });
        services.AddEventOutbox<SurveysDb>(builder.Configuration);
        // Projects published before this service's queues existed never reached them: ask the
        // Projects service once for the snapshot of every project (Messaging README, catch-up).
        services.AddCatchUp<SurveysDb>(builder.Configuration, ProjectSnapshotsSentConsumer.CatchUp, (requestId, now) => new ProjectSnapshotsRequested(requestId, queuePrefix, now));
        services.AddReadinessChecks<SurveysDb>();
        services.AddSingleton(FollowUpSchedule.From(builder.Configuration));
        services.AddSingleton<ResponseMatrixCache>();
        services.AddScoped<ResponseMatrixLoader>();
        services.AddSingleton<QuestionnaireCatalog.FormCache>();
        services.AddScoped<QuestionnaireCatalog>();
        services.AddHostedService<TemplateInstaller>();

        // Respondents call with their invitation token, not a platform bearer token: the gate lets
        // the respondent service through, and its handlers accept only a valid invitation token.
        services.PostConfigure<BearerTokenOptions>(BearerTokenHandler.SchemeName, bearer =>
        {
            var respondentPath = $"/{SurveysReflection.Descriptor.Services[1].FullName}/";
            if (!bearer.OpenPaths.Contains(respondentPath)) bearer.OpenPaths.Add(respondentPath);
        });
        return builder;
    }
}
