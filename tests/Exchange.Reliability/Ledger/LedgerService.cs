using Exchange.Messaging;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.Reliability.Ledger;

/// <summary>
/// A small service host wired as the real services are (<c>AddServiceDatabase</c>,
/// <c>AddExchangeMessaging</c>, <c>AddEventOutbox</c>) on this suite's own broker and PostgreSQL:
/// a publisher that records postings with their events through the outbox, a consumer that applies
/// them through its inbox, or (the negative control) a publisher without an outbox that publishes
/// after its commit, as a service without one would.
/// </summary>
public sealed class LedgerService(IHost host) : IAsyncDisposable
{
    /// <summary>Postings spread over this many streams (each published in order, the streams side by side).</summary>
    public const int Streams = 200;

    public IServiceProvider Services => host.Services;

    public static Task<LedgerService> StartPublisherAsync(string name, string rabbitMq, string database, bool withOutbox) =>
        StartAsync(name, rabbitMq, database, builder =>
        {
            builder.Services.AddExchangeMessaging(builder.Configuration, name);
            if (withOutbox) builder.Services.AddEventOutbox<LedgerDb>(builder.Configuration);
        });

    public static Task<LedgerService> StartConsumerAsync(string name, string rabbitMq, string database, LedgerRun run) =>
        StartAsync(name, rabbitMq, database, builder =>
        {
            builder.Services.AddSingleton(run);
            builder.Services.AddExchangeMessaging(builder.Configuration, name, bus =>
            {
                bus.AddConsumer<PostingRecordedConsumer>();
                bus.AddConsumeObserver(_ => run);
            });
        });

    /// <summary>Postings <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1, <paramref name="perTransaction"/> with their events in each transaction.</summary>
    public async Task RecordThroughOutboxAsync(Guid run, int from, int count, int perTransaction)
    {
        for (var start = from; start < from + count; start += perTransaction)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
            var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
            for (var index = start; index < Math.Min(start + perTransaction, from + count); index++)
            {
                db.Postings.Add(new Posting { Index = index, Amount = index + 1 });
                await outbox.AddAsync(db, $"account-{index % Streams}", new PostingRecorded(run, index, index + 1));
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// The negative control: commits each posting, then publishes its event straight to the bus
    /// (publisher confirms on), giving up after a short wait as a request handler would; up to 50
    /// requests at a time. Returns how many publishes failed: their postings are committed, their
    /// events gone.
    /// </summary>
    public async Task<int> RecordWithoutOutboxAsync(Guid run, int from, int count)
    {
        var bus = Services.GetRequiredService<IBus>();
        var failed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(from, count), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (index, _) =>
        {
            await using (var scope = Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
                db.Postings.Add(new Posting { Index = index, Amount = index + 1 });
                await db.SaveChangesAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await bus.Publish(new PostingRecorded(run, index, index + 1), timeout.Token);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failed);
            }
        });
        return failed;
    }

    public async Task<T> ReadAsync<T>(Func<LedgerDb, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LedgerDb>());
    }

    /// <summary>How often this service's bus was restarted: by the outbox because its publishes hung, or by the consumer watch because its consumer stayed away.</summary>
    public int BusRestarts => Services.GetService<BusRestarter>()?.Restarts ?? 0;

    public Task<int> UndispatchedAsync() => ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null));

    private static async Task<LedgerService> StartAsync(string name, string rabbitMq, string database, Action<HostApplicationBuilder> configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:ledger"] = database,
            ["ConnectionStrings:RabbitMq"] = rabbitMq,
            ["Messaging:RetryIntervals"] = "100,500,1000",
            // Short waits, so that the stream resumes within seconds of the broker's return.
            ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
            ["Messaging:Outbox:ImmediateRetries"] = "1",
            ["Messaging:Outbox:FirstRetryDelay"] = "00:00:00.500",
            ["Messaging:Outbox:MaxRetryDelay"] = "00:00:02",
            // Publishing stuck after the broker's return is healed by a bus restart within the scenario's patience.
            ["Messaging:Outbox:StalledPublishRestart"] = "00:00:15",
            // A consumer that stays away from its filling queue is brought back within the scenario's patience.
            ["Messaging:ConsumerWatch:Interval"] = "00:00:02",
            ["Messaging:ConsumerWatch:RestartAfter"] = "00:00:20",
        });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None)
            .AddFilter("MassTransit", LogLevel.None)
            .AddFilter("Exchange.Messaging.Outbox", LogLevel.None);
        builder.Services.AddServiceDatabase<LedgerDb>(builder.Configuration, "ledger");
        configure(builder);
        var host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBusControl>();
        for (var i = 0; i < 1200 && bus.CheckHealth().Status != BusHealthStatus.Healthy; i++) await Task.Delay(50);
        if (bus.CheckHealth().Status != BusHealthStatus.Healthy) throw new TimeoutException("the ledger's bus did not become healthy within 60 s");
        return new LedgerService(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        finally
        {
            host.Dispose();
        }
    }
}
