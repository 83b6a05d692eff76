using Exchange.Messaging.Consumers;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Exchange.Messaging.Tests;

/// <summary>
/// The consumer watch on a real RabbitMQ: a receive endpoint that stops consuming while its bus
/// stays up (what MassTransit has done after broker restarts) leaves its events waiting in the
/// durable queue; the watch sees messages and no consumer, restarts the bus, and they are applied.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class ConsumerWatchTests(ITestOutputHelper output)
{
    private const int Events = 20;

    [Fact]
    public async Task A_consumer_that_stays_away_from_its_waiting_queue_is_brought_back_by_a_bus_restart()
    {
        var (host, database) = await StartAsync(restartAfter: "00:00:02");
        await using var _ = database;
        await using var __ = host;
        var account = await StrandEventsAsync(host);

        await Eventually.True(() => host.ReadAsync(async db => (await db.Accounts.SingleAsync(a => a.Id == account)).Balance == Events),
            "every waiting event applied", TimeSpan.FromSeconds(60));
        Assert.Equal(1, host.Services.GetRequiredService<BusRestarter>().Restarts);
        Assert.Equal(new QueueState(0, 1), await QueueStateAsync(host));
    }

    [Fact]
    public async Task Without_the_watch_the_events_stay_in_the_queue()
    {
        var (host, database) = await StartAsync(restartAfter: "00:00:00");
        await using var _ = database;
        await using var __ = host;
        var account = await StrandEventsAsync(host);

        // As long as the watched case takes to heal, and then some: nothing brings the consumer back.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(0, await host.ReadAsync(async db => (await db.Accounts.SingleAsync(a => a.Id == account)).Balance));
        Assert.Equal(new QueueState(Events, 0), await QueueStateAsync(host));
        Assert.Equal(0, host.Services.GetRequiredService<BusRestarter>().Restarts);
    }

    [Fact]
    public void The_watched_queues_are_the_durable_ones_of_the_bus_by_name()
    {
        var addresses = new[]
        {
            "rabbitmq://localhost:5672/projects-claim-approved",
            "rabbitmq://localhost/exchange/claims-project-changed",
            "rabbitmq://localhost/bus-host-abc?temporary=true",
            "rabbitmq://localhost/observer?durable=false&autodelete=true",
        };
        Assert.Equal(["claims-project-changed", "projects-claim-approved"], ConsumerWatchdog.ServiceQueues(addresses.Select(a => new Uri(a))));
    }

    private async Task<(LedgerHost Host, TestDatabase Database)> StartAsync(string restartAfter)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var host = await LedgerHost.StartAsync(database, output, bus => bus.AddConsumer<CreditAccountConsumer>(),
            settings: new Dictionary<string, string?>
            {
                ["Messaging:ConsumerWatch:Interval"] = "00:00:00.250",
                ["Messaging:ConsumerWatch:RestartAfter"] = restartAfter,
            });
        return (host, database);
    }

    /// <summary>
    /// Stops the consumer's receive endpoint while the bus stays up, then publishes events for a new
    /// account: they wait in the durable queue with nobody consuming. Returns the account.
    /// </summary>
    private static async Task<Guid> StrandEventsAsync(LedgerHost host)
    {
        var account = Guid.NewGuid();
        await host.WriteAsync((db, _) =>
        {
            db.Accounts.Add(new Account { Id = account, Name = "Suwa-Dalian" });
            return Task.CompletedTask;
        });
        var endpoint = host.Services.GetRequiredService<IBusControl>().CheckHealth().Endpoints.Values
            .Single(e => e.InputAddress.AbsolutePath.EndsWith(Queue(host), StringComparison.Ordinal));
        await endpoint.ReceiveEndpoint.Stop();
        await Eventually.True(async () => (await QueueStateAsync(host)).Consumers == 0, "the consumer detached");

        var bus = host.Services.GetRequiredService<IBus>();
        for (var i = 0; i < Events; i++) await bus.Publish(new AccountCredited(account, 1, i));
        await Eventually.True(async () => (await QueueStateAsync(host)).Messages == Events, "the events waiting in the queue");
        return account;
    }

    private static string Queue(LedgerHost host) => $"{host.ServiceName}-credit-account";

    private static async Task<QueueState> QueueStateAsync(LedgerHost host)
    {
        var probe = host.Services.GetRequiredService<QueueProbe>();
        var states = await probe.ReadAsync([Queue(host)], CancellationToken.None);
        return states[Queue(host)];
    }
}
