using System.Text.Json;
using Exchange.Contracts.Projects;
using Exchange.Messaging.Correlation;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Messaging.Tests;

/// <summary>Writing events: atomic with the state change, numbered per stream.</summary>
public sealed class OutboxTests
{
    private readonly CorrelationContext _correlation = new();
    private readonly EventOutbox _outbox;

    public OutboxTests() => _outbox = new EventOutbox(_correlation, TimeProvider.System);

    private static async Task<LedgerDb> OpenAsync(TestDatabase database)
    {
        var db = new LedgerDb(new DbContextOptionsBuilder<LedgerDb>().UseProvider(database.Settings).Options);
        await DatabaseMigrator<LedgerDb>.MigrateAsync(db, database.Settings, default);
        return db;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task State_and_event_are_committed_by_one_save(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var projectId = Guid.NewGuid();
        var adopted = new ProjectAdopted(projectId, 2007, new DateTimeOffset(2007, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)));

        await using (var db = await OpenAsync(database))
        using (_correlation.Begin("corr-42"))
        {
            db.Accounts.Add(new Account { Id = projectId, Name = "Hamamatsu-Jena" });
            await _outbox.AddAsync(db, projectId.ToString(), adopted);
            await db.SaveChangesAsync();
        }

        await using (var db = await OpenAsync(database))
        {
            Assert.True(await db.Accounts.AnyAsync(a => a.Id == projectId));
            var row = await db.Set<OutboxMessage>().SingleAsync();
            Assert.Equal(projectId.ToString(), row.StreamKey);
            Assert.Equal(1, row.Sequence);
            Assert.Equal("Exchange.Contracts.Projects.ProjectAdopted, Exchange.Contracts", row.MessageType);
            Assert.Equal(adopted, JsonSerializer.Deserialize<ProjectAdopted>(row.Body, JsonSerializerOptions.Web));
            Assert.Equal("corr-42", row.CorrelationId);
            Assert.Contains("\"x-correlation-id\":\"corr-42\"", row.Headers);
            Assert.Null(row.DispatchedAt);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_rolled_back_transaction_leaves_neither_state_nor_event(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var projectId = Guid.NewGuid();

        await using (var db = await OpenAsync(database))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Accounts.Add(new Account { Id = projectId, Name = "Suwa-Dalian" });
            await db.SaveChangesAsync();
            await _outbox.AddAsync(db, projectId.ToString(), new ProjectAdopted(projectId, 2004, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using (var db = await OpenAsync(database))
        {
            Assert.False(await db.Accounts.AnyAsync());
            Assert.False(await db.Set<OutboxMessage>().AnyAsync());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_save_that_fails_on_the_state_change_writes_no_event(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var projectId = Guid.NewGuid();
        await using (var db = await OpenAsync(database))
        {
            db.Accounts.Add(new Account { Id = projectId, Name = "Toyama-Milan" });
            await db.SaveChangesAsync();
        }

        await using (var db = await OpenAsync(database))
        {
            db.Accounts.Add(new Account { Id = projectId, Name = "duplicate" });
            await _outbox.AddAsync(db, projectId.ToString(), new ProjectRegistered(projectId, "RegionToRegion", "Toyama - Milan industrial design exchange", "ContentsDesign", "toyama-pref", ["milan-chamber"], 2002, 2005, DateTimeOffset.UtcNow));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = await OpenAsync(database))
        {
            Assert.False(await db.Set<OutboxMessage>().AnyAsync());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Events_are_numbered_per_stream_without_gaps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        await using (var db = await OpenAsync(database))
        {
            await _outbox.AddAsync(db, a.ToString(), new ProjectAdopted(a, 2007, DateTimeOffset.UtcNow));
            await _outbox.AddAsync(db, b.ToString(), new ProjectAdopted(b, 2008, DateTimeOffset.UtcNow));
            await _outbox.AddAsync(db, a.ToString(), new ProjectContinued(a, 2007, 2008, DateTimeOffset.UtcNow));
            await _outbox.AddAsync(db, a.ToString(), new ProjectRegionExpanded(a, 2008, "Dusseldorf", "DE", "Europe", "dusseldorf-city", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await using (var db = await OpenAsync(database))
        {
            await _outbox.AddAsync(db, a.ToString(), new ProjectCompleted(a, 2009, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            var rows = await db.Set<OutboxMessage>().OrderBy(m => m.StreamKey).ThenBy(m => m.Sequence).ToListAsync();
            Assert.Equal([1L, 2, 3, 4], rows.Where(r => r.StreamKey == a.ToString()).Select(r => r.Sequence));
            Assert.Equal([1L], rows.Where(r => r.StreamKey == b.ToString()).Select(r => r.Sequence));
            Assert.EndsWith("ProjectCompleted, Exchange.Contracts", rows.Single(r => r.StreamKey == a.ToString() && r.Sequence == 4).MessageType);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Events_added_together_continue_each_streams_numbers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        ProjectAdopted Adopted(Guid id) => new(id, 2007, DateTimeOffset.UtcNow);

        await using (var db = await OpenAsync(database))
        {
            await _outbox.AddRangeAsync(db, [(a.ToString(), Adopted(a)), (a.ToString(), Adopted(a)), (b.ToString(), Adopted(b))]);
            await db.SaveChangesAsync();
        }

        await using (var db = await OpenAsync(database))
        {
            // c is only added in this unit of work; d is new; a and b continue from what was committed.
            await _outbox.AddAsync(db, c.ToString(), Adopted(c));
            var added = await _outbox.AddRangeAsync(db, [(b.ToString(), Adopted(b)), (c.ToString(), Adopted(c)), (a.ToString(), Adopted(a)), (d.ToString(), Adopted(d)), (b.ToString(), Adopted(b))]);
            Assert.Equal([2L, 2, 3, 1, 3], added.Select(m => m.Sequence));
            await db.SaveChangesAsync();
            var rows = await db.Set<OutboxMessage>().ToListAsync();
            Assert.Equal(9, rows.Count);
            Assert.All(rows.GroupBy(r => r.StreamKey), stream => Assert.Equal(Enumerable.Range(1, stream.Count()).Select(n => (long)n), stream.Select(r => r.Sequence).Order()));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_units_of_work_cannot_both_commit_the_same_place_in_a_stream(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var projectId = Guid.NewGuid();
        await using var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);

        await _outbox.AddAsync(first, projectId.ToString(), new ProjectFollowUpChanged(projectId, "Continuing", 0, DateTimeOffset.UtcNow));
        await _outbox.AddAsync(second, projectId.ToString(), new ProjectClosed(projectId, "exchange ceased", DateTimeOffset.UtcNow));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        await using var check = await OpenAsync(database);
        Assert.EndsWith("ProjectFollowUpChanged, Exchange.Contracts", (await check.Set<OutboxMessage>().SingleAsync()).MessageType);
    }

    [Fact]
    public async Task Without_a_current_correlation_id_each_event_gets_a_new_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await OpenAsync(database);
        var first = await _outbox.AddAsync(db, "s", new AchievementRecorded(Guid.NewGuid(), "a-1", "JointVenture", "DuringSupport", DateTime.UtcNow.Date, "", "suwa-city", DateTimeOffset.UtcNow));
        var second = await _outbox.AddAsync(db, "s", new ProjectClosed(Guid.NewGuid(), "done", DateTimeOffset.UtcNow), correlationId: "given");
        Assert.True(CorrelationHeaders.IsValid(first.CorrelationId));
        Assert.Equal("given", second.CorrelationId);
    }

    [Fact]
    public async Task An_event_type_without_a_namespace_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await OpenAsync(database);
        await Assert.ThrowsAsync<ArgumentException>(() => _outbox.AddAsync(db, "s", new { ProjectId = Guid.NewGuid() }));
    }

    [Fact]
    public async Task The_dispatcher_is_nudged_when_events_are_committed_not_before()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Configuration).Build();
        var services = new ServiceCollection().AddLogging().AddServiceDatabase<LedgerDb>(configuration, "ledger").BuildServiceProvider();
        var signal = services.GetRequiredService<OutboxSignal>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
        await DatabaseMigrator<LedgerDb>.MigrateAsync(db, database.Settings, default);

        db.Accounts.Add(new Account { Id = Guid.NewGuid(), Name = "no event" });
        await db.SaveChangesAsync();
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, default));

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await _outbox.AddAsync(db, "s", new ProjectClosed(Guid.NewGuid(), "done", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            Assert.False(await signal.WaitAsync(TimeSpan.Zero, default));
            await transaction.CommitAsync();
        }
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, default));
    }
}
