using System.Diagnostics;
using Exchange.Reliability.Infrastructure;
using Exchange.Reliability.Ledger;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Exchange.Reliability;

/// <summary>
/// RabbitMQ killed (SIGKILL) while a stream of events is being published and consumed. Events that
/// go through the outbox all arrive once restarted, and copies are absorbed by the inbox; the same
/// postings published without an outbox, through the same outage, are lost: the count can fail.
/// </summary>
/// <remarks>
/// After a <c>kill -9</c> the RabbitMQ client can recover its connection and consumers yet never
/// complete another confirmed publish; the outbox dispatcher then restarts the bus
/// (<c>Messaging:Outbox:StalledPublishRestart</c>). A consumer whose bus does not come back while
/// its queue fills is restarted by the consumer watch (<c>Messaging:ConsumerWatch:RestartAfter</c>,
/// 20 s here). The report says how often each happened.
/// </remarks>
[Collection(ReliabilityCollection.Name)]
public sealed class BrokerKillTests(DedicatedServers servers, ITestOutputHelper output)
{
    private const int PerTransaction = 20;

    [Fact]
    public async Task Broker_killed_mid_stream_loses_nothing_through_the_outbox_and_events_without_it()
    {
        var size = SuiteSize.Current;
        var name = $"rel-ledger-{Guid.NewGuid():N}"[..19];
        var guarded = new LedgerRun();
        var unguarded = new LedgerRun();
        var clock = Stopwatch.StartNew();
        await using var guardedConsumer = await LedgerService.StartConsumerAsync($"{name}-in", servers.RabbitMq, servers.NewDatabase("ledger_in"), guarded);
        await using var unguardedConsumer = await LedgerService.StartConsumerAsync($"{name}-in-control", servers.RabbitMq, servers.NewDatabase("control_in"), unguarded);
        await using var publisher = await LedgerService.StartPublisherAsync($"{name}-out", servers.RabbitMq, servers.NewDatabase("ledger_out"), withOutbox: true);
        await using var control = await LedgerService.StartPublisherAsync($"{name}-out-control", servers.RabbitMq, servers.NewDatabase("control_out"), withOutbox: false);

        var events = size.BrokerKillEvents;
        var twoThirds = events * 2 / 3;
        var controlThird = size.ControlEvents / 3;
        // The first two thirds are written from the start; the broker is killed while they are being
        // written, dispatched and consumed, and they go on being written while it is away.
        var writing = publisher.RecordThroughOutboxAsync(guarded.Id, 0, twoThirds, PerTransaction);
        await control.RecordWithoutOutboxAsync(unguarded.Id, 0, controlThird);
        await Progress.UntilTrueAsync(() => Task.FromResult(guarded.DistinctMessages >= Math.Min(200, events / 10)), TimeSpan.FromMinutes(3), "the first deliveries");
        var deliveredAtKill = guarded.DistinctMessages;
        var waitingAtKill = await publisher.UndispatchedAsync();
        await servers.KillBrokerAsync();
        var downAt = clock.Elapsed;

        var failedWhileDown = await control.RecordWithoutOutboxAsync(unguarded.Id, controlThird, controlThird);
        await writing;
        await servers.StartBrokerAsync();
        var downFor = clock.Elapsed - downAt;
        await Task.WhenAll(
            publisher.RecordThroughOutboxAsync(guarded.Id, twoThirds, events - twoThirds, PerTransaction),
            control.RecordWithoutOutboxAsync(unguarded.Id, 2 * controlThird, size.ControlEvents - 2 * controlThird));

        // The outbox's events all arrive, however long the clients take to reconnect on a busy
        // machine: patience for them; the control's lost events never come, so less for those.
        var result = await CountAsync("broker killed (kill -9) mid-stream, outbox + inbox", publisher, guardedConsumer, guarded, clock, TimeSpan.FromMinutes(2),
            $"killed with {deliveredAtKill:N0} consumed and {waitingAtKill:N0} waiting in the outbox; broker down {downFor.TotalSeconds:0} s; bus restarts: publisher {publisher.BusRestarts}, consumer {guardedConsumer.BusRestarts}");
        var controlResult = await CountAsync("negative control: same outage, no outbox (publish after commit)", control, unguardedConsumer, unguarded, clock, TimeSpan.FromSeconds(30),
            $"{failedWhileDown:N0} publishes failed while the broker was down");
        servers.Report.Add(result, output);
        servers.Report.Add(controlResult, output);

        Assert.Equal(events, result.Sent);
        Assert.Equal((0L, 0L), (result.Lost, result.Unexpected));
        Assert.Equal(0, await publisher.UndispatchedAsync());
        Assert.Equal(size.ControlEvents, controlResult.Sent);
        Assert.True(controlResult.Lost > 0, "the publisher without an outbox lost nothing through the outage: the check proves nothing");
        Assert.Equal(0L, controlResult.Unexpected);
    }

    /// <summary>What the publisher committed against what the consumer applied, once the consumer stops making progress (or has everything).</summary>
    private static async Task<ScenarioResult> CountAsync(string scenario, LedgerService publisher, LedgerService consumer, LedgerRun run, Stopwatch clock, TimeSpan stall, string notes)
    {
        var sent = await publisher.ReadAsync(db => db.Postings.CountAsync());
        await Progress.UntilAsync(() => consumer.ReadAsync(async db => (long)await db.Applied.Select(a => a.Index).Distinct().CountAsync()), sent, stall, "postings applied");
        var committed = (await publisher.ReadAsync(db => db.Postings.Select(p => p.Index).ToListAsync())).ToHashSet();
        var applied = await consumer.ReadAsync(db => db.Applied.Select(a => a.Index).ToListAsync());
        var received = applied.Distinct().Count(committed.Contains);
        var unexplained = applied.Distinct().Count(i => !committed.Contains(i));
        var secondEffects = applied.Count - applied.Distinct().Count();
        var undispatched = await publisher.UndispatchedAsync();
        if (undispatched > 0) notes += $"; {undispatched:N0} still in the outbox at the count";
        return new ScenarioResult(scenario, sent, received, sent - received, run.Deliveries - run.DistinctMessages, unexplained + secondEffects, clock.Elapsed, notes);
    }
}
