using Exchange.Messaging.Inbox;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Exchange.Messaging.Tests;

/// <summary>The purge of handled messages: old dispatched events and inbox records go, nothing else.</summary>
public sealed class RetentionTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Old_dispatched_events_and_inbox_records_are_purged_and_streams_keep_their_last_event(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = new ServiceCollection()
            .AddDbContext<LedgerDb>(o => o.UseProvider(database.Settings))
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
            await DatabaseMigrator<LedgerDb>.MigrateAsync(db, database.Settings, default);
            db.Set<OutboxMessage>().AddRange(
                Event("a", 1, dispatchedDaysAgo: 20),   // old, not the stream's last: purged
                Event("a", 2, dispatchedDaysAgo: 10),   // old, not the stream's last: purged
                Event("a", 3, dispatchedDaysAgo: 9),    // old but the stream's last: kept
                Event("b", 1, dispatchedDaysAgo: 20),   // old, not the last: purged
                Event("b", 2, dispatchedDaysAgo: null), // waiting: kept
                Event("c", 1, dispatchedDaysAgo: 3),    // recent: kept
                Event("c", 2, dispatchedDaysAgo: 1));   // recent: kept
            db.Set<InboxMessage>().AddRange(Handled(daysAgo: 40), Handled(daysAgo: 31), Handled(daysAgo: 2));
            await db.SaveChangesAsync();
        }

        var retention = new MessageRetention<LedgerDb>(
            services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new RetentionOptions { DispatchedEvents = TimeSpan.FromDays(7), HandledMessages = TimeSpan.FromDays(30) }),
            TimeProvider.System,
            NullLogger<MessageRetention<LedgerDb>>.Instance);

        Assert.Equal((3, 2), await retention.PurgeAsync());
        Assert.Equal((0, 0), await retention.PurgeAsync());

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
            var kept = await db.Set<OutboxMessage>().OrderBy(m => m.StreamKey).ThenBy(m => m.Sequence)
                .Select(m => m.StreamKey + m.Sequence).ToListAsync();
            Assert.Equal(["a3", "b2", "c1", "c2"], kept);
            Assert.Equal(1, await db.Set<InboxMessage>().CountAsync());
        }
    }

    private static OutboxMessage Event(string stream, long sequence, int? dispatchedDaysAgo) => new()
    {
        Id = Guid.CreateVersion7(),
        StreamKey = stream,
        Sequence = sequence,
        MessageType = "Exchange.Contracts.Projects.ProjectAdopted, Exchange.Contracts",
        Body = "{}",
        CreatedAt = Now.AddDays(-(dispatchedDaysAgo ?? 0) - 1),
        DispatchedAt = dispatchedDaysAgo is { } days ? Now.AddDays(-days) : null,
    };

    private static InboxMessage Handled(int daysAgo) => new()
    {
        Consumer = "Ledger.CreditAccountConsumer",
        MessageId = Guid.CreateVersion7(),
        MessageType = "Ledger.AccountCredited",
        ProcessedAt = Now.AddDays(-daysAgo),
    };
}
