using Exchange.Messaging.Correlation;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Exchange.Messaging.Tests;

/// <summary>The dispatcher against a real RabbitMQ: order, confirmation, outage, single publisher.</summary>
[Collection(BrokerCollection.Name)]
public sealed class DispatcherTests(ITestOutputHelper output)
{
    private static void CreditConsumer(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<CreditAccountConsumer>().Endpoint(e =>
        {
            e.Temporary = true;
            // One at a time, so the order consumed is the order in the queue.
            e.ConcurrentMessageLimit = 1;
        });

    private static async Task WriteCreditsAsync(LedgerHost host, params (Guid Account, int Index)[] credits)
    {
        await host.WriteAsync(async (db, outbox) =>
        {
            foreach (var (account, index) in credits)
            {
                await outbox.AddAsync(db, account.ToString(), new AccountCredited(account, 1L << index, index));
            }
        });
    }

    private static async Task CreateAccountsAsync(LedgerHost host, params Guid[] accounts) =>
        await host.WriteAsync((db, _) =>
        {
            foreach (var id in accounts) db.Accounts.Add(new Account { Id = id, Name = id.ToString() });
            return Task.CompletedTask;
        });

    private static IReadOnlyList<ConsumedMessages.Consumed> ConsumedFor(LedgerHost host, Guid account) =>
        host.Consumed.All.Where(c => c.Message is AccountCredited credit && credit.AccountId == account).ToList();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Events_are_published_in_stream_order_with_their_ids_and_marked_dispatched(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await LedgerHost.StartAsync(database, output, CreditConsumer);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        await CreateAccountsAsync(host, a, b);

        using (host.Services.GetRequiredService<ICorrelationContext>().Begin("adoption-2007"))
        {
            await WriteCreditsAsync(host, (a, 0), (b, 0), (a, 1));
            await WriteCreditsAsync(host, (b, 1), (a, 2));
            await WriteCreditsAsync(host, (a, 3), (b, 2), (b, 3));
        }

        var outbox = await Eventually.Get(host.OutboxAsync, rows => rows.All(r => r.DispatchedAt is not null), "every event dispatched");
        await Eventually.True(() => Task.FromResult(ConsumedFor(host, a).Count == 4 && ConsumedFor(host, b).Count == 4), "every event consumed");

        foreach (var account in new[] { a, b })
        {
            var consumed = ConsumedFor(host, account);
            Assert.Equal([0, 1, 2, 3], consumed.Select(c => ((AccountCredited)c.Message).Index));
            Assert.Equal([1L, 2, 3, 4], consumed.Select(c => c.Sequence!.Value));
            Assert.All(consumed, c => Assert.Equal(account.ToString(), c.StreamKey));
            Assert.All(consumed, c => Assert.Equal("adoption-2007", c.CorrelationId));
            var rows = outbox.Where(r => r.StreamKey == account.ToString()).OrderBy(r => r.Sequence);
            Assert.Equal(rows.Select(r => (Guid?)r.Id), consumed.Select(c => c.MessageId));
            // The consumer records a message before its transaction commits: wait for the commit.
            await Eventually.True(async () => await host.ReadAsync(async db => (await db.Accounts.FindAsync(account))!.Balance) == 15, "balance of 15 committed");
        }
        Assert.All(outbox, r => Assert.Equal(0, r.Attempts));
    }

    /// <summary>A durable queue, as services have: it keeps messages while its consumer is disconnected.</summary>
    private static void DurableCreditConsumer(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<CreditAccountConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);

    private static Dictionary<string, string?> FastRetries(TcpGate gate) => new()
    {
        ["ConnectionStrings:RabbitMq"] = gate.Address.ToString(),
        ["Messaging:Outbox:PublishTimeout"] = "00:00:00.500",
        ["Messaging:Outbox:ImmediateRetries"] = "1",
        ["Messaging:Outbox:FirstRetryDelay"] = "00:00:00.100",
        ["Messaging:Outbox:MaxRetryDelay"] = "00:00:00.500",
    };

    [Fact]
    public async Task When_the_broker_goes_away_events_are_retried_and_delivered_in_order_once_it_returns()
    {
        await BehindGateAsync(async (host, gate) =>
        {
            var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
            await CreateAccountsAsync(host, a, b);
            await WriteCreditsAsync(host, (a, 0), (b, 0));
            await Eventually.True(() => Task.FromResult(ConsumedFor(host, a).Count == 1 && ConsumedFor(host, b).Count == 1), "the first events consumed");

            gate.Close();
            await WriteCreditsAsync(host, (a, 1), (b, 1), (a, 2), (a, 3), (b, 2));

            var waiting = await Eventually.Get(host.OutboxAsync, rows => rows.Any(r => r.Attempts >= 2), "failed publish attempts to be recorded");
            Assert.All(waiting.Where(r => r.Sequence > 1), r => Assert.Null(r.DispatchedAt));
            Assert.Contains(waiting, r => r.LastError is not null);

            gate.Open();

            await Eventually.Get(host.OutboxAsync, rows => rows.All(r => r.DispatchedAt is not null), "every event dispatched after the broker returned", TimeSpan.FromSeconds(60));
            await Eventually.True(() => Task.FromResult(ConsumedFor(host, a).Count == 4 && ConsumedFor(host, b).Count == 3), "every event consumed");
            Assert.Equal([0, 1, 2, 3], ConsumedFor(host, a).Select(c => ((AccountCredited)c.Message).Index));
            Assert.Equal([0, 1, 2], ConsumedFor(host, b).Select(c => ((AccountCredited)c.Message).Index));
        });
    }

    [Fact]
    public async Task A_publish_whose_confirmation_never_comes_fails_after_its_time_limit_and_is_retried()
    {
        await BehindGateAsync(async (host, gate) =>
        {
            var account = Guid.NewGuid();
            await CreateAccountsAsync(host, account);
            await WriteCreditsAsync(host, (account, 0));
            await Eventually.True(() => Task.FromResult(ConsumedFor(host, account).Count == 1), "the first event consumed");

            // The broker stops answering while the connection stays up: no confirmation, no error.
            gate.Freeze();
            await WriteCreditsAsync(host, (account, 1), (account, 2));
            var waiting = await Eventually.Get(host.OutboxAsync, rows => rows.Any(r => r.Attempts >= 2), "the unconfirmed publish to fail and be tried again", TimeSpan.FromSeconds(30));
            Assert.All(waiting.Where(r => r.Sequence > 1), r => Assert.Null(r.DispatchedAt));
            Assert.Contains(waiting, r => r.LastError is not null);

            // The connection is cut and the broker reachable again: the dispatcher goes on by itself.
            gate.Close();
            gate.Open();
            await Eventually.Get(host.OutboxAsync, rows => rows.All(r => r.DispatchedAt is not null), "every event dispatched after the broker answered again", TimeSpan.FromSeconds(90));
            await Eventually.True(() => Task.FromResult(ConsumedFor(host, account).Count >= 3), "every event consumed");
            Assert.Equal([0, 1, 2], ConsumedFor(host, account).Select(c => ((AccountCredited)c.Message).Index).Distinct());
        });
    }

    /// <summary>
    /// The state an abrupt broker restart can leave the RabbitMQ client in: the connection is up and
    /// consumers run, but no publish is ever confirmed again. The dispatcher restarts the bus.
    /// </summary>
    [Fact]
    public async Task A_bus_whose_publishes_are_never_confirmed_on_a_live_connection_is_restarted_and_publishes_again()
    {
        var stall = await StallPublishingAsync(restartAfter: "00:00:03", async (host, account) =>
        {
            await Eventually.Get(host.OutboxAsync, rows => rows.All(r => r.DispatchedAt is not null), "every event dispatched after the bus restarted", TimeSpan.FromSeconds(60));
            await Eventually.True(() => Task.FromResult(ConsumedFor(host, account).Count >= 3), "every event consumed");
        });
        Assert.True(stall.HealthyWhileStalled, "the bus did not look healthy while its publishes hung");
        Assert.True(stall.Restarts >= 1, "the events went out without a restart: the gate did not stall publishing");
        Assert.Equal([0, 1, 2], stall.Consumed.Select(c => ((AccountCredited)c.Message).Index).Distinct());
        Assert.Equal(0, stall.Undispatched);
    }

    [Fact]
    public async Task With_the_restart_turned_off_a_bus_whose_publishes_are_never_confirmed_publishes_nothing_more()
    {
        var stall = await StallPublishingAsync(restartAfter: "00:00:00", (_, _) => Task.Delay(TimeSpan.FromSeconds(8)));
        Assert.Equal(0, stall.Restarts);
        // The broker did take event 1 each time (only its confirmation was lost), so the consumer has
        // it; event 2 waits behind it in its stream, never published.
        Assert.Equal([0, 1], stall.Consumed.Select(c => ((AccountCredited)c.Message).Index).Distinct());
        Assert.Equal(2, stall.Undispatched);
    }

    private sealed record Stall(IReadOnlyList<ConsumedMessages.Consumed> Consumed, int Undispatched, int Restarts, bool HealthyWhileStalled);

    /// <summary>
    /// One event published and consumed, then the broker's confirmations on the open connections are
    /// swallowed and two more events written; <paramref name="meanwhile"/> runs once their publishes
    /// have timed out at least twice, and the outcome is read after it.
    /// </summary>
    private Task<Stall> StallPublishingAsync(string restartAfter, Func<LedgerHost, Guid, Task> meanwhile) =>
        BehindGateAsync(async (host, gate) =>
        {
            var account = Guid.NewGuid();
            await CreateAccountsAsync(host, account);
            await WriteCreditsAsync(host, (account, 0));
            await Eventually.True(() => Task.FromResult(ConsumedFor(host, account).Count == 1), "the first event consumed");

            gate.SwallowConfirmations();
            await WriteCreditsAsync(host, (account, 1), (account, 2));
            await Eventually.Get(host.OutboxAsync, rows => rows.Any(r => r.Attempts >= 2), "the unconfirmed publish to time out and be tried again", TimeSpan.FromSeconds(30));
            var healthy = host.Services.GetRequiredService<IBusControl>().CheckHealth().Status == BusHealthStatus.Healthy;

            await meanwhile(host, account);
            var undispatched = (await host.OutboxAsync()).Count(r => r.DispatchedAt is null);
            return new Stall(ConsumedFor(host, account), undispatched, host.Services.GetRequiredService<BusRestarter>().Restarts, healthy);
        }, amqpFrames: true, ("Messaging:Outbox:StalledPublishRestart", restartAfter));

    private Task BehindGateAsync(Func<LedgerHost, TcpGate, Task> test) =>
        BehindGateAsync(async (host, gate) =>
        {
            await test(host, gate);
            return true;
        });

    /// <summary>
    /// <paramref name="test"/> against a ledger host (SQLite, durable credit consumer) whose broker
    /// connection goes through an open gate, with fast retries and <paramref name="settings"/>; its
    /// queue is deleted afterwards.
    /// </summary>
    private async Task<T> BehindGateAsync<T>(Func<LedgerHost, TcpGate, Task<T>> test, bool amqpFrames = false, params (string Key, string Value)[] settings)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gate = TcpGate.Shut(TestServers.RabbitMq, amqpFrames);
        gate.Open();
        var serviceName = LedgerHost.NewServiceName();
        try
        {
            var configuration = FastRetries(gate);
            foreach (var (key, value) in settings) configuration[key] = value;
            await using var host = await LedgerHost.StartAsync(database, output, DurableCreditConsumer, configuration, serviceName: serviceName);
            return await test(host, gate);
        }
        finally
        {
            await BrokerQueues.DeleteEndpointAsync(serviceName + "-credit-account");
        }
    }

    [Fact]
    public async Task When_the_broker_is_away_from_the_start_nothing_is_published_before_the_topology_exists()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gate = TcpGate.Shut(TestServers.RabbitMq);
        var serviceName = LedgerHost.NewServiceName();
        try
        {
            await using var host = await LedgerHost.StartAsync(database, output, DurableCreditConsumer, FastRetries(gate), serviceName: serviceName, waitForBus: false);
            var account = Guid.NewGuid();
            await CreateAccountsAsync(host, account);
            await WriteCreditsAsync(host, (account, 0), (account, 1), (account, 2));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.All(await host.OutboxAsync(), r => Assert.Null(r.DispatchedAt));

            gate.Open();

            await Eventually.Get(host.OutboxAsync, rows => rows.All(r => r.DispatchedAt is not null), "every event dispatched after the broker came up", TimeSpan.FromSeconds(60));
            await Eventually.True(() => Task.FromResult(ConsumedFor(host, account).Count == 3), "every event consumed");
            Assert.Equal([0, 1, 2], ConsumedFor(host, account).Select(c => ((AccountCredited)c.Message).Index));
        }
        finally
        {
            await BrokerQueues.DeleteEndpointAsync(serviceName + "-credit-account");
        }
    }

    private static void RecordAllCopies(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<CreditRecorder>().Endpoint(e =>
        {
            e.Temporary = true;
            e.ConcurrentMessageLimit = 1;
        });

    [Fact]
    public async Task Two_instances_sharing_a_database_publish_each_event_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var serviceName = LedgerHost.NewServiceName();
        await using var first = await LedgerHost.StartAsync(database, output, RecordAllCopies, serviceName: serviceName);
        await using var second = await LedgerHost.StartAsync(database, output, serviceName: serviceName);
        var accounts = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        await CreateAccountsAsync(first, accounts);

        // A backlog big enough that two dispatchers without the lease would be at it together.
        await WriteCreditsAsync(second, [.. from index in Enumerable.Range(0, 10) from account in accounts select (account, index)]);

        await Eventually.Get(first.OutboxAsync, rows => rows.Count == 100 && rows.All(r => r.DispatchedAt is not null), "every event dispatched");
        await Eventually.True(() => Task.FromResult(accounts.All(a => ConsumedFor(first, a).Count >= 10)), "every event consumed");
        await Task.Delay(500); // room for a second copy to show up, were one sent
        foreach (var account in accounts)
        {
            Assert.Equal(Enumerable.Range(0, 10), ConsumedFor(first, account).Select(c => ((AccountCredited)c.Message).Index));
        }
    }
}
