using Exchange.Messaging;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Data;
using Exchange.Projects.DemoData;
using Exchange.Projects.IntegrationEvents;
using Exchange.Projects.Lifecycle;
using Exchange.Projects.Model;
using Exchange.Projects.Snapshots;
using Exchange.ServiceDefaults;

namespace Exchange.Projects;

public static class Extensions
{
    /// <summary>The Projects service's own parts: its database, events, rules, lifecycle, snapshot answers and demo data.</summary>
    public static WebApplicationBuilder AddProjectsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddServiceDatabase<ProjectsDb>(builder.Configuration, "projects");
        // Messaging:QueuePrefix lets two instances on one broker (tests) keep separate queues.
        var queuePrefix = builder.Configuration["Messaging:QueuePrefix"] ?? "projects";
        services.AddExchangeMessaging(builder.Configuration, queuePrefix, bus =>
        {
            // Outcomes one at a time too: many of one project at once (after an outage of this service)
            // would collide on its row and its event stream, and some would run out of retries.
            bus.AddConsumer<ActivityOutcomeConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            // The lifecycle's facts, one at a time per kind: two facts of one project at once would only collide on its row and retry.
            bus.AddConsumer<ClaimsClosingStartedConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            bus.AddConsumer<ClaimsClosedConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            bus.AddConsumer<FollowUpSurveyScheduledConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            bus.AddConsumer<SurveyRoundOpenedConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            bus.AddConsumer<SurveyRoundClosedConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            // One answer at a time: each reads every project, and copies of one request are best answered in turn.
            bus.AddConsumer<ProjectSnapshotsRequestedConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
        });
        services.AddEventOutbox<ProjectsDb>(builder.Configuration);
        services.AddReadinessChecks<ProjectsDb>();
        services.AddScoped<AdoptionRulebook>();
        services.Configure<LifecycleOptions>(builder.Configuration.GetSection(LifecycleOptions.Section));
        services.AddScoped<ProjectLifecycles>();
        services.AddScoped<FiscalYearRollovers>();
        services.AddSingleton<FiscalYearRolloverScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<FiscalYearRolloverScheduler>());
        services.Configure<SnapshotAnswerOptions>(builder.Configuration.GetSection(SnapshotAnswerOptions.Section));
        services.AddScoped<SnapshotAnswers>();
        services.AddScoped<DemoSeeder>();
        if (builder.Configuration.GetValue<bool>("Demo:Load")) services.AddHostedService<DemoLoader>();
        return builder;
    }
}
