using Exchange.Messaging.CatchUp;
using Exchange.Messaging.Consumers;
using Exchange.Messaging.Correlation;
using Exchange.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the MassTransit bus of a service: RabbitMQ with publisher confirms (or the in-memory
    /// transport when <c>Messaging:Transport=InMemory</c>), consumer queues named
    /// "<paramref name="serviceName"/>-consumer-name", bounded retries after which a message moves
    /// to the queue's <c>_error</c> queue, and correlation ids taken from incoming messages.
    /// Register consumers in <paramref name="configure"/> (<c>x.AddConsumer&lt;T&gt;()</c>).
    /// </summary>
    public static IServiceCollection AddExchangeMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var settings = MessagingSettings.From(configuration);
        services.AddCorrelation();

        services.AddMassTransit(bus =>
        {
            // The service name keeps two services' consumers of one event on separate queues,
            // where they would otherwise compete for the same messages.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configure?.Invoke(bus);
            if (settings.QuorumQueues && settings.Transport == MessagingTransport.RabbitMq) bus.AddConfigureEndpointsCallback(UseQuorumQueue);

            if (settings.Transport == MessagingTransport.InMemory)
            {
                bus.UsingInMemory((context, cfg) => ConfigureReceiving(context, cfg, settings));
                return;
            }

            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(settings.Host, settings.Port, settings.VirtualHost, host =>
                {
                    host.Username(settings.User);
                    host.Password(settings.Password);
                    // Publish completes only when the broker confirms; the outbox relies on it.
                    host.PublisherConfirmation = true;
                });
                ConfigureReceiving(context, cfg, settings);
            });
        });
        if (settings.Transport == MessagingTransport.RabbitMq) services.AddConsumerWatch(configuration, settings);
        return services;
    }

    /// <summary>The <see cref="ConsumerWatchdog"/>: a bus whose consumer stays away from its queue is restarted.</summary>
    private static void AddConsumerWatch(this IServiceCollection services, IConfiguration configuration, MessagingSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BusRestarter>();
        services.TryAddSingleton(_ => new QueueProbe(settings));
        services.TryAddSingleton<BusStartObserver>();
        services.AddBusObserver(provider => provider.GetRequiredService<BusStartObserver>());
        services.Configure<ConsumerWatchOptions>(configuration.GetSection(ConsumerWatchOptions.Section));
        services.AddHostedService<ConsumerWatchdog>();
    }

    /// <summary>
    /// Registers a consumer of <c>Batch&lt;T&gt;</c> (see <see cref="Inbox.IdempotentBatchConsumer{TMessage,TContext}"/>):
    /// MassTransit hands it up to <paramref name="messageLimit"/> messages at once, whatever is in the
    /// queue when the first arrives plus what comes within <paramref name="timeLimit"/> (20 ms by
    /// default), and runs at most <paramref name="concurrencyLimit"/> batches at a time (1 keeps the
    /// queue's order and keeps batches from colliding on the same rows).
    /// </summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddBatchConsumer<TConsumer>(
        this IBusRegistrationConfigurator bus,
        int messageLimit = 100,
        TimeSpan? timeLimit = null,
        int concurrencyLimit = 1)
        where TConsumer : class, IConsumer
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messageLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrencyLimit, 1);
        var limit = timeLimit ?? TimeSpan.FromMilliseconds(20);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeLimit));
        return bus.AddConsumer<TConsumer>((_, consumer) => consumer.Options<BatchOptions>(options => options
            .SetMessageLimit(messageLimit)
            .SetTimeLimit(limit)
            .SetConcurrencyLimit(concurrencyLimit)));
    }

    /// <summary>
    /// Adds the outbox of <typeparamref name="TContext"/>: <see cref="IEventOutbox"/> for writing events
    /// and the <see cref="OutboxDispatcher{TContext}"/> that publishes them (options under
    /// <c>Messaging:Outbox</c>). Needs <see cref="AddExchangeMessaging"/> and a DbContext that calls
    /// <c>modelBuilder.AddOutboxAndInbox()</c>.
    /// </summary>
    public static IServiceCollection AddEventOutbox<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext
    {
        services.AddCorrelation();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<BusRestarter>();
        services.TryAddSingleton<IEventOutbox, EventOutbox>();
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddHostedService<OutboxDispatcher<TContext>>();
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.TryAddSingleton<MessageRetention<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<MessageRetention<TContext>>());
        return services;
    }

    /// <summary>
    /// Adds catch-up <paramref name="name"/>: at start, until answered once, the service publishes
    /// <paramref name="request"/>(request id, now) through its outbox, repeated every
    /// <c>Messaging:CatchUp:RetryInterval</c> (see <see cref="CatchUpRequester{TContext}"/>). The
    /// service consumes the answer itself and records it with <see cref="CatchUpRequests.AnsweredAsync"/>.
    /// Needs <see cref="AddEventOutbox{TContext}"/> and a DbContext that calls <c>modelBuilder.AddCatchUpRequests()</c>.
    /// </summary>
    public static IServiceCollection AddCatchUp<TContext>(this IServiceCollection services, IConfiguration configuration, string name, Func<Guid, DateTimeOffset, object> request)
        where TContext : DbContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.Configure<CatchUpOptions>(configuration.GetSection(CatchUpOptions.Section));
        // Not AddHostedService: it keeps one instance per type, and a service may catch up on several publishers.
        services.AddSingleton<IHostedService>(provider => new CatchUpRequester<TContext>(
            name,
            request,
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<IEventOutbox>(),
            provider.GetRequiredService<IOptions<CatchUpOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<CatchUpRequester<TContext>>>()));
        return services;
    }

    /// <summary>Adds <see cref="ICorrelationContext"/> and the <see cref="CorrelationIdHandler"/> for HTTP clients.</summary>
    public static IServiceCollection AddCorrelation(this IServiceCollection services)
    {
        services.TryAddSingleton<ICorrelationContext, CorrelationContext>();
        services.TryAddTransient<CorrelationIdHandler>();
        return services;
    }

    /// <summary>
    /// Quorum queues are replicated across the nodes of a RabbitMQ cluster (Raft), so a consumer's
    /// queue survives the loss of a node. Applies to the consumer queues of <c>ConfigureEndpoints</c>,
    /// which are durable (the bus's own auto-delete response queue is not one of them); MassTransit
    /// gives the <c>_error</c> queue the type of the queue it belongs to. A
    /// queue that already exists as a classic queue cannot change its type: see the deployment notes.
    /// </summary>
    private static void UseQuorumQueue(string queueName, IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
    }

    private static void ConfigureReceiving<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg, MessagingSettings settings)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        if (settings.ExchangePrefix.Length > 0)
            cfg.MessageTopology.SetEntityNameFormatter(new PrefixedEntityNames(cfg.MessageTopology.EntityNameFormatter, settings.ExchangePrefix));
        cfg.UseConsumeFilter(typeof(CorrelationConsumeFilter<>), context);
        cfg.UseMessageRetry(retry =>
        {
            retry.Intervals(settings.RetryIntervals.ToArray());
            retry.Ignore<MessageRejectedException>();
        });
        cfg.ConfigureEndpoints(context);
    }
}
