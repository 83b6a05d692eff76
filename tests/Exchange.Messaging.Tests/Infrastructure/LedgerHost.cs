using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Ledger;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Exchange.Messaging.Tests.Infrastructure;

/// <summary>
/// A test service host wired the way a real service is: <c>AddServiceDatabase</c>,
/// <c>AddExchangeMessaging</c> and <c>AddEventOutbox</c>, against a real broker unless told otherwise.
/// </summary>
public sealed class LedgerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private LedgerHost(IHost host, string serviceName)
    {
        _host = host;
        ServiceName = serviceName;
    }

    /// <summary>Unique per host, so queues of different tests and runs never meet.</summary>
    public string ServiceName { get; }

    public IServiceProvider Services => _host.Services;

    public ConsumedMessages Consumed => Services.GetRequiredService<ConsumedMessages>();

    public static string NewServiceName() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<LedgerHost> StartAsync(
        TestDatabase database,
        ITestOutputHelper output,
        Action<IBusRegistrationConfigurator>? consumers = null,
        IDictionary<string, string?>? settings = null,
        bool withOutbox = true,
        string? serviceName = null,
        bool waitForBus = true,
        Action<IServiceCollection>? configureServices = null)
    {
        serviceName ??= NewServiceName();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>(database.Configuration)
        {
            ["Messaging:RetryIntervals"] = "50,50,50",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
        };
        if (settings?.ContainsKey("Messaging:Transport") != true && settings?.ContainsKey("ConnectionStrings:RabbitMq") != true)
        {
            configuration["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq.ToString();
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        builder.Configuration.AddInMemoryCollection(configuration);

        builder.Logging.AddProvider(new TestOutputLoggerProvider(output)).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSingleton<ConsumedMessages>();
        builder.Services.AddServiceDatabase<LedgerDb>(builder.Configuration, "ledger");
        builder.Services.AddExchangeMessaging(builder.Configuration, serviceName, consumers);
        if (withOutbox) builder.Services.AddEventOutbox<LedgerDb>(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        var started = new LedgerHost(host, serviceName);
        // The host's start does not wait for the receive endpoints; a test that publishes right away
        // would race its own queue's declaration.
        if (waitForBus) await started.WaitForHealthyBusAsync();
        return started;
    }

    public Task WaitForHealthyBusAsync() =>
        Eventually.True(
            () => Task.FromResult(Services.GetRequiredService<IBusControl>().CheckHealth().Status == BusHealthStatus.Healthy),
            "the bus to be healthy");

    /// <summary>One unit of work of the service: changes made in <paramref name="work"/> are saved together.</summary>
    public async Task WriteAsync(Func<LedgerDb, IEventOutbox, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
        await work(db, scope.ServiceProvider.GetRequiredService<IEventOutbox>());
        await db.SaveChangesAsync();
    }

    public async Task<T> ReadAsync<T>(Func<LedgerDb, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
        return await read(db);
    }

    public Task<List<OutboxMessage>> OutboxAsync() =>
        ReadAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.StreamKey).ThenBy(m => m.Sequence).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
