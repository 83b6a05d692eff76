using Exchange.Claims.Checks;
using Exchange.Claims.Data;
using Exchange.Claims.Faults;
using Exchange.Claims.IntegrationEvents;
using Exchange.Claims.Lifecycle;
using Exchange.Claims.Model;
using Exchange.Claims.ProjectChecks;
using Exchange.Contracts.Projects;
using Exchange.Messaging;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.ServiceDefaults;
using MassTransit;

namespace Exchange.Claims;

public static class Extensions
{
    /// <summary>The Claims service's own parts: its database, events, checks, payments and settings.</summary>
    public static WebApplicationBuilder AddClaimsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.Configure<ClaimsOptions>(builder.Configuration.GetSection(ClaimsOptions.Section));
        services.AddServiceDatabase<ClaimsDb>(builder.Configuration, "claims");
        // Messaging:QueuePrefix lets two instances on one broker (tests) keep separate queues.
        var queuePrefix = builder.Configuration["Messaging:QueuePrefix"] ?? "claims";
        // Fault injection for the reliability tests; nothing is added unless Faults:KillAt is set.
        var faults = PaymentFaults.From(builder.Configuration);
        services.AddSingleton(faults);
        if (faults.Active) services.AddSingleton<IOutboxDispatchObserver>(new ClaimPaidDispatchFault(faults));
        services.AddExchangeMessaging(builder.Configuration, queuePrefix, bus =>
        {
            // Snapshots one at a time: concurrent snapshots of one project would only collide on its row and retry.
            bus.AddConsumer<ProjectStateChangedConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            bus.AddConsumer<ProjectSnapshotsSentConsumer>();
            bus.AddConsumer<ActivityCompletedConsumer>();
            bus.AddConsumer<ProjectCompletedConsumer>();
            bus.AddConsumer<ProjectContinuedConsumer>();
            bus.AddConsumer<ClaimPaymentRequestedConsumer>((_, consumer) =>
            {
                if (faults.Active) consumer.UseFilter(new PaymentCommittedFault(faults));
            });
            bus.AddConsumer<FiscalYearRolledOverConsumer>();
        });
        services.AddEventOutbox<ClaimsDb>(builder.Configuration);
        // Projects published before this service's queues existed never reached them: ask the
        // Projects service once for the snapshot of every project (Messaging README, catch-up).
        services.AddCatchUp<ClaimsDb>(builder.Configuration, ProjectSnapshotsSentConsumer.CatchUp, (requestId, now) => new ProjectSnapshotsRequested(requestId, queuePrefix, now));
        services.AddReadinessChecks<ClaimsDb>();
        services.AddScoped<ProjectsReadModel>();
        services.AddScoped<ClaimChecker>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ClaimPayments>();
        services.AddScoped<BudgetOpening>();
        services.AddScoped<ClosingPeriods>();
        services.AddHostedService<ClosingPeriodScheduler>();
        return builder;
    }
}
