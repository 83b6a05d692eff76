using Exchange.Messaging;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Data;
using Exchange.Projects.DemoData;
using Exchange.Projects.IntegrationEvents;
using Exchange.Projects.Model;
using Exchange.ServiceDefaults;

namespace Exchange.Projects;

public static class Extensions
{
    /// <summary>The Projects service's own parts: its database, events, rules and demo data.</summary>
    public static WebApplicationBuilder AddProjectsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddServiceDatabase<ProjectsDb>(builder.Configuration, "projects");
        // Messaging:QueuePrefix lets two instances on one broker (tests) keep separate queues.
        var queuePrefix = builder.Configuration["Messaging:QueuePrefix"] ?? "projects";
        services.AddExchangeMessaging(builder.Configuration, queuePrefix, bus => bus.AddConsumer<ActivityOutcomeConsumer>());
        services.AddEventOutbox<ProjectsDb>(builder.Configuration);
        services.AddReadinessChecks<ProjectsDb>();
        services.AddScoped<AdoptionRulebook>();
        services.AddScoped<DemoSeeder>();
        if (builder.Configuration.GetValue<bool>("Demo:Load")) services.AddHostedService<DemoLoader>();
        return builder;
    }
}
