using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.Messaging.Benchmark;

/// <summary>
/// One side of a run, wired as a service is: its own database with migrations, the bus with
/// publisher confirms, and either the outbox (producer) or the inbox consumer (consumer).
/// </summary>
public sealed class TallyService(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public static async Task<TallyService> StartProducerAsync(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Builder(settings);
        builder.Services.AddServiceDatabase<TallyDb>(builder.Configuration, "tally");
        builder.Services.AddExchangeMessaging(builder.Configuration, name);
        builder.Services.AddEventOutbox<TallyDb>(builder.Configuration);
        return await StartAsync(builder);
    }

    /// <summary>The producer's database with the outbox's writing side only (no bus, no dispatcher): for filling the outbox before a drain.</summary>
    public static async Task<TallyService> StartWriterAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Builder(settings);
        builder.Services.AddServiceDatabase<TallyDb>(builder.Configuration, "tally");
        builder.Services.AddCorrelation();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IEventOutbox, EventOutbox>();
        var host = builder.Build();
        await host.StartAsync();
        return new TallyService(host);
    }

    /// <summary>
    /// <paramref name="batch"/> 0: one message per inbox transaction, <paramref name="concurrency"/> at a
    /// time; otherwise batches of up to that many messages, <paramref name="concurrency"/> batches at a time.
    /// </summary>
    public static async Task<TallyService> StartConsumerAsync(string name, IReadOnlyDictionary<string, string?> settings, LatencyRecorder recorder, int concurrency, int batch)
    {
        var builder = Builder(settings);
        builder.Services.AddServiceDatabase<TallyDb>(builder.Configuration, "tally");
        builder.Services.AddExchangeMessaging(builder.Configuration, name, bus =>
        {
            if (batch > 0) bus.AddBatchConsumer<TallyRecordedBatchConsumer>(batch, concurrencyLimit: concurrency);
            else bus.AddConsumer<TallyRecordedConsumer>().Endpoint(e => e.ConcurrentMessageLimit = concurrency);
            bus.AddReceiveObserver(_ => recorder);
        });
        return await StartAsync(builder);
    }

    /// <summary>The baseline: a bus with publisher confirms and a consumer that does nothing, no database at all.</summary>
    public static async Task<TallyService> StartBrokerOnlyAsync(string name, IReadOnlyDictionary<string, string?> settings, LatencyRecorder recorder, int concurrency)
    {
        var builder = Builder(settings);
        builder.Services.AddExchangeMessaging(builder.Configuration, name, bus =>
        {
            bus.AddConsumer<TallyRecordedPlainConsumer>().Endpoint(e => e.ConcurrentMessageLimit = concurrency);
            bus.AddReceiveObserver(_ => recorder);
        });
        return await StartAsync(builder);
    }

    /// <summary>Both sides know every stream from the start, as services know their entities.</summary>
    public async Task SeedAsync(int streams)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TallyDb>();
        db.Tallies.AddRange(Enumerable.Range(0, streams).Select(s => new Tally { Stream = s }));
        await db.SaveChangesAsync();
    }

    public async Task<int> UndispatchedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TallyDb>();
        return await db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null);
    }

    public async Task<(long Total, int Inbox)> ConsumerStateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TallyDb>();
        return (await db.Tallies.SumAsync(t => t.Total), await db.Set<Inbox.InboxMessage>().CountAsync());
    }

    private static HostApplicationBuilder Builder(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    private static async Task<TallyService> StartAsync(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBusControl>();
        for (var i = 0; i < 600 && bus.CheckHealth().Status != BusHealthStatus.Healthy; i++) await Task.Delay(50);
        if (bus.CheckHealth().Status != BusHealthStatus.Healthy) throw new TimeoutException("the bus did not become healthy within 30 s");
        return new TallyService(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
