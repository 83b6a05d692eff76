using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Exchange.Messaging.Tests;

/// <summary>
/// An event that cannot be published blocks the rest of its stream and only its stream. Runs on the
/// in-memory transport: the rule is the dispatcher's, not the broker's.
/// </summary>
public sealed class StreamOrderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_failing_event_holds_back_later_events_of_its_stream_while_other_streams_go_on(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await StartAsync(database, firstRetry: "00:00:00.100", maxRetry: "00:00:00.200");
        var (blocked, free) = (Guid.NewGuid(), Guid.NewGuid());
        var realType = "";
        await host.WriteAsync(async (db, outbox) =>
        {
            var head = await outbox.AddAsync(db, blocked.ToString(), new AccountCredited(blocked, 1, 0));
            realType = head.MessageType;
            // As if written by a newer version of the service whose event type this one lacks.
            head.MessageType = "Exchange.Contracts.Projects.ProjectRenamed, Exchange.Contracts";
            await outbox.AddAsync(db, blocked.ToString(), new AccountCredited(blocked, 2, 1));
            await outbox.AddAsync(db, free.ToString(), new AccountCredited(free, 1, 0));
            await outbox.AddAsync(db, free.ToString(), new AccountCredited(free, 2, 1));
        });

        var rows = await Eventually.Get(host.OutboxAsync,
            r => r.Where(m => m.StreamKey == free.ToString()).All(m => m.DispatchedAt is not null) && r.Any(m => m.Attempts >= 2),
            "the free stream dispatched and the blocked head retried");
        var blockedRows = rows.Where(m => m.StreamKey == blocked.ToString()).OrderBy(m => m.Sequence).ToList();
        Assert.All(blockedRows, m => Assert.Null(m.DispatchedAt));
        Assert.Contains("ProjectRenamed", blockedRows[0].LastError);
        Assert.Equal(0, blockedRows[1].Attempts);
        Assert.DoesNotContain(host.Consumed.All, c => ((AccountCredited)c.Message).AccountId == blocked);

        // The deployment that knows the type arrives: the stream resumes, in order, nothing skipped.
        await host.WriteAsync(async (db, _) =>
            (await db.Set<OutboxMessage>().SingleAsync(m => m.Id == blockedRows[0].Id)).MessageType = realType);

        await Eventually.Get(host.OutboxAsync, r => r.All(m => m.DispatchedAt is not null), "every event dispatched");
        await Eventually.True(() => Task.FromResult(host.Consumed.All.Count(c => ((AccountCredited)c.Message).AccountId == blocked) == 2), "the blocked stream consumed");
        Assert.Equal([0, 1], host.Consumed.All.Where(c => ((AccountCredited)c.Message).AccountId == blocked).Select(c => ((AccountCredited)c.Message).Index));
    }

    /// <summary>
    /// A round usually picks its streams from the oldest waiting events alone; when a stream in
    /// back-off fills all of them, the round must still find the streams behind it.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_stream_in_back_off_holding_all_the_oldest_events_does_not_hold_back_newer_streams(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await StartAsync(database, firstRetry: "00:10:00", maxRetry: "00:10:00", batchSize: "3");
        var blocked = Guid.NewGuid();
        await host.WriteAsync(async (db, outbox) =>
        {
            var head = await outbox.AddAsync(db, blocked.ToString(), new AccountCredited(blocked, 1, 0));
            head.MessageType = "Exchange.Contracts.Projects.ProjectRenamed, Exchange.Contracts";
            for (var i = 1; i < 5; i++) await outbox.AddAsync(db, blocked.ToString(), new AccountCredited(blocked, 1, i));
        });
        await Eventually.Get(host.OutboxAsync, r => r.Any(m => m.Attempts == 1), "the blocked head failed once and waits ten minutes");

        var others = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        await host.WriteAsync(async (db, outbox) =>
        {
            foreach (var account in others) await outbox.AddAsync(db, account.ToString(), new AccountCredited(account, 1, 0));
        });

        var rows = await Eventually.Get(host.OutboxAsync,
            r => r.Where(m => m.StreamKey != blocked.ToString()).All(m => m.DispatchedAt is not null),
            "the streams behind the blocked one dispatched");
        var blockedRows = rows.Where(m => m.StreamKey == blocked.ToString()).OrderBy(m => m.Sequence).ToList();
        Assert.All(blockedRows, m => Assert.Null(m.DispatchedAt));
        Assert.Equal(1, blockedRows[0].Attempts);
        await Eventually.True(() => Task.FromResult(others.All(a => host.Consumed.All.Any(c => ((AccountCredited)c.Message).AccountId == a))), "the newer streams consumed");
    }

    /// <summary>A ledger host on the in-memory transport, one message at a time, with the outbox's retry delays (and round size).</summary>
    private Task<LedgerHost> StartAsync(TestDatabase database, string firstRetry, string maxRetry, string batchSize = "1000") =>
        LedgerHost.StartAsync(database, output,
            bus => bus.AddConsumer<CreditAccountConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1),
            new Dictionary<string, string?>
            {
                ["Messaging:Transport"] = "InMemory",
                ["Messaging:Outbox:BatchSize"] = batchSize,
                ["Messaging:Outbox:FirstRetryDelay"] = firstRetry,
                ["Messaging:Outbox:MaxRetryDelay"] = maxRetry,
            });
}
