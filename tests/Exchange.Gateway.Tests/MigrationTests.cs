using Exchange.Gateway.Data;
using Exchange.Gateway.Keys;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Role = Exchange.Identity.Role;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The key store's hand-written migration creates what the model maps, and the same migration
/// runs on PostgreSQL, where a key is stored and read back with its hashes and times.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MigrationTests(Platform platform)
{
    [Fact]
    public async Task The_migration_creates_every_table_column_and_index_of_the_model() =>
        Assert.Empty(await ModelSchema.DifferencesAsync<GatewayDb>(platform.Gateway.KeyStoreConnectionString, options => new GatewayDb(options)));

    [Fact]
    public async Task Keys_are_stored_and_read_back_on_PostgreSQL()
    {
        var database = $"gateway_{Guid.NewGuid():N}"[..24];
        var settings = new ServiceDatabaseSettings(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { Database = database }.ConnectionString);
        var options = new DbContextOptionsBuilder<GatewayDb>().UseProvider(settings).Options;
        try
        {
            await using (var db = new GatewayDb(options))
            {
                var applied = await DatabaseMigrator<GatewayDb>.MigrateAsync(db, settings, CancellationToken.None);
                Assert.Equal([Data.Migrations.Initial.Id], applied);
            }
            ApiKeyStore.IssuedKey issued;
            await using (var db = new GatewayDb(options))
            {
                var store = new ApiKeyStore(db, TimeProvider.System);
                issued = await store.CreateAsync(TieUps.Jena, "Jena", Role.OverseasPartner, "portal", TimeSpan.FromDays(30), "test", CancellationToken.None);
                await store.RotateAsync(issued.Key, TimeSpan.FromHours(1), null, CancellationToken.None);
            }
            await using (var db = new GatewayDb(options))
            {
                var store = new ApiKeyStore(db, TimeProvider.System);
                var read = (await store.FindAsync(issued.Key.Id, CancellationToken.None))!;
                Assert.Equal((Role.OverseasPartner, 2L), (read.Role, read.Version));
                Assert.Equal(ApiKeyText.Hash(issued.Text), read.PreviousSecretHash);
                Assert.InRange(read.PreviousSecretValidUntil!.Value - read.RotatedAt!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
                Assert.Single(await store.ListAsync(TieUps.Jena, [Role.OverseasPartner], includeInactive: false, CancellationToken.None));
                Assert.Empty(await store.ListAsync(TieUps.Jena, [Role.ImplementationBody], includeInactive: true, CancellationToken.None));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestServers.PostgreSql);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
