using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Tests;

public sealed class OutboxLeaseTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task One_dispatcher_holds_the_lease_until_it_expires_or_is_released(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = new LedgerDb(new DbContextOptionsBuilder<LedgerDb>().UseProvider(database.Settings).Options);
        await DatabaseMigrator<LedgerDb>.MigrateAsync(db, database.Settings, default);
        var clock = new ManualClock();
        var first = new OutboxLeaseStore("first", clock);
        var second = new OutboxLeaseStore("second", clock);
        var duration = TimeSpan.FromSeconds(30);

        Assert.True(await first.TryAcquireAsync(db, duration, default));
        Assert.False(await second.TryAcquireAsync(db, duration, default));

        clock.Now += TimeSpan.FromSeconds(20);
        Assert.True(await first.TryAcquireAsync(db, duration, default)); // renewed until now + 30 s
        clock.Now += TimeSpan.FromSeconds(20);
        Assert.False(await second.TryAcquireAsync(db, duration, default));

        clock.Now += TimeSpan.FromSeconds(11);
        Assert.True(await second.TryAcquireAsync(db, duration, default)); // first went quiet: taken over
        Assert.False(await first.TryAcquireAsync(db, duration, default));

        await second.ReleaseAsync(db, default);
        Assert.True(await first.TryAcquireAsync(db, duration, default));
    }
}
