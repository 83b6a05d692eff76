using Exchange.Contracts.Projects;
using Exchange.Messaging;
using Exchange.Messaging.Persistence;
using Exchange.Missions.Data;
using Exchange.Missions.IntegrationEvents;
using Exchange.Missions.Model;
using Exchange.Missions.ProjectChecks;
using Exchange.ServiceDefaults;

namespace Exchange.Missions;

public static class Extensions
{
    /// <summary>The Missions service's own parts: its database, events, project checks and organisations.</summary>
    public static WebApplicationBuilder AddMissionsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddServiceDatabase<MissionsDb>(builder.Configuration, "missions");
        // Messaging:QueuePrefix lets two instances on one broker (tests) keep separate queues.
        var queuePrefix = builder.Configuration["Messaging:QueuePrefix"] ?? "missions";
        // Snapshots one at a time: the programme has tens of projects, and concurrent snapshots of
        // one project would only collide on its read-model row and retry.
        services.AddExchangeMessaging(builder.Configuration, queuePrefix, bus =>
        {
            bus.AddConsumer<ProjectStateChangedConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            bus.AddConsumer<ProjectSnapshotsSentConsumer>();
        });
        services.AddEventOutbox<MissionsDb>(builder.Configuration);
        // Projects published before this service's queues existed never reached them: ask the
        // Projects service once for the snapshot of every project (Messaging README, catch-up).
        services.AddCatchUp<MissionsDb>(builder.Configuration, ProjectSnapshotsSentConsumer.CatchUp, (requestId, now) => new ProjectSnapshotsRequested(requestId, queuePrefix, now));
        services.AddReadinessChecks<MissionsDb>();
        services.AddProjectChecks(builder.Configuration);
        services.AddScoped<OrganisationRegistry>();
        return builder;
    }
}
