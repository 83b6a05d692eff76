using Exchange.Messaging.Inbox;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using Exchange.Messaging.Tests.Ledger.Migrations;
using Exchange.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.Messaging.Tests;

public sealed class MigrationTests
{
    private static LedgerDb Open(TestDatabase database) =>
        new(new DbContextOptionsBuilder<LedgerDb>().UseProvider(database.Settings).Options);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_new_database_gets_every_migration_and_a_restart_applies_none(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await using (var db = Open(database))
        {
            var applied = await DatabaseMigrator<LedgerDb>.MigrateAsync(db, database.Settings, default);
            Assert.Equal([Initial.Id, AccountNote.Id], applied);
            await WriteOneOfEachAsync(db);
        }

        await using (var db = Open(database))
        {
            var applied = await DatabaseMigrator<LedgerDb>.MigrateAsync(db, database.Settings, default);
            Assert.Empty(applied);
            Assert.Equal([Initial.Id, AccountNote.Id], await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal("kept", (await db.Accounts.SingleAsync()).Note);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_service_starting_on_a_brand_new_database_logs_no_error(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var logs = new CapturedLogs();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Configuration).Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .AddServiceDatabase<LedgerDb>(configuration, "ledger")
            .BuildServiceProvider();

        foreach (var hosted in services.GetServices<IHostedService>()) await hosted.StartAsync(default);

        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Error);
        // The migrator did run and report.
        Assert.Contains(logs.Lines, l => l.Message.Contains("Database of LedgerDb", StringComparison.Ordinal) && l.Level == LogLevel.Information);
        await using var db = Open(database);
        Assert.Equal([Initial.Id, AccountNote.Id], await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_database_at_an_older_version_gets_only_the_newer_migrations_and_keeps_its_data(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = Guid.NewGuid();
        await using (var db = Open(database))
        {
            await db.GetService<IMigrator>().MigrateAsync(Initial.Id);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO accounts (id, name, balance) VALUES ({0}, 'Suwa', 5)", id);
        }

        await using (var db = Open(database))
        {
            var applied = await DatabaseMigrator<LedgerDb>.MigrateAsync(db, database.Settings, default);
            Assert.Equal([AccountNote.Id], applied);
            var account = await db.Accounts.SingleAsync();
            Assert.Equal((id, "Suwa", 5L, (string?)null), (account.Id, account.Name, account.Balance, account.Note));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_migrated_schema_stores_and_reads_back_every_mapped_column(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = Open(database))
        {
            await DatabaseMigrator<LedgerDb>.MigrateAsync(db, database.Settings, default);
            await WriteOneOfEachAsync(db);
        }

        await using (var db = Open(database))
        {
            var outbox = await db.Set<OutboxMessage>().SingleAsync();
            Assert.Equal(("stream-1", 7L, "T, A", "{\"a\":1}", "{\"h\":\"v\"}", "c-1", 2, "boom"),
                (outbox.StreamKey, outbox.Sequence, outbox.MessageType, outbox.Body, outbox.Headers, outbox.CorrelationId, outbox.Attempts, outbox.LastError));
            Assert.Equal(new DateTime(2025, 6, 1, 9, 30, 15, 123), outbox.CreatedAt);
            Assert.Equal(new DateTime(2025, 6, 1, 9, 31, 0), outbox.NextAttemptAt);
            Assert.Null(outbox.DispatchedAt);
            var inbox = await db.Set<InboxMessage>().SingleAsync();
            Assert.Equal(("consumer", "type"), (inbox.Consumer, inbox.MessageType));
            var lease = await db.Set<OutboxLease>().SingleAsync();
            Assert.Equal(("lease", "me"), (lease.Name, lease.Owner));
        }
    }

    private static async Task WriteOneOfEachAsync(LedgerDb db)
    {
        db.Accounts.Add(new Account { Id = Guid.NewGuid(), Name = "Toyama", Balance = 1, Note = "kept" });
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            StreamKey = "stream-1",
            Sequence = 7,
            MessageType = "T, A",
            Body = "{\"a\":1}",
            Headers = "{\"h\":\"v\"}",
            CorrelationId = "c-1",
            CreatedAt = new DateTime(2025, 6, 1, 9, 30, 15, 123, DateTimeKind.Utc),
            NextAttemptAt = new DateTime(2025, 6, 1, 9, 31, 0, DateTimeKind.Utc),
            Attempts = 2,
            LastError = "boom",
        });
        db.Set<InboxMessage>().Add(new InboxMessage { Consumer = "consumer", MessageId = Guid.NewGuid(), MessageType = "type", ProcessedAt = DateTime.UtcNow });
        db.Set<OutboxLease>().Add(new OutboxLease { Name = "lease", Owner = "me", ExpiresAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
