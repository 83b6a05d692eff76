using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using Exchange.Messaging.Tests.Ledger.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Exchange.Messaging.Tests;

public sealed class StartupRetryTests
{
    [Fact]
    public async Task A_service_waits_for_a_database_that_is_still_starting()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var real = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString);
        await using var gate = TcpGate.Shut(new Uri($"tcp://{real.Host}:{real.Port}"));
        var throughGate = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Port = gate.Port, Timeout = 2 };
        var settings = new ServiceDatabaseSettings(DatabaseProvider.PostgreSql, throughGate.ConnectionString);

        var services = new ServiceCollection()
            .AddDbContext<LedgerDb>(o => o.UseProvider(settings))
            .BuildServiceProvider();
        var migrator = new DatabaseMigrator<LedgerDb>(services.GetRequiredService<IServiceScopeFactory>(), settings, NullLogger<DatabaseMigrator<LedgerDb>>.Instance);

        var starting = migrator.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(starting.IsCompleted, "the start gave up while the database was unreachable");
        gate.Open();
        await starting.WaitAsync(TimeSpan.FromSeconds(60));

        await using var db = new LedgerDb(new DbContextOptionsBuilder<LedgerDb>().UseProvider(database.Settings).Options);
        Assert.Equal([Initial.Id, AccountNote.Id], await db.Database.GetAppliedMigrationsAsync());
    }
}
