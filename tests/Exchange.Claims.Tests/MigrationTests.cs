using Exchange.Messaging.Persistence;
using Exchange.Claims.Data;
using Exchange.Claims.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Tests;

/// <summary>
/// The hand-written migration must create what the model maps: a column added to an entity but
/// forgotten in the migration would fail only when first written. The functional tests run the
/// migration on both providers; this compares its tables and columns with the model's own schema.
/// </summary>
[Collection(ClaimsCollection.Name)]
public sealed class MigrationTests(ClaimsFixture fixture)
{
    [Fact]
    public async Task The_migration_creates_every_table_and_column_of_the_model()
    {
        var migrated = await fixture.On(DatabaseProvider.Sqlite).Claims.InDatabase(db => Task.FromResult(db.Database.GetConnectionString()!));
        var fromModel = Path.Combine(Path.GetTempPath(), $"exchange-claims-model-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<ClaimsDb>().UseSqlite($"Data Source={fromModel}").Options;
            await using (var db = new ClaimsDb(options)) await db.Database.EnsureCreatedAsync();

            var expected = await Schema($"Data Source={fromModel}");
            var actual = await Schema(migrated);
            foreach (var (table, columns) in expected)
            {
                Assert.True(actual.ContainsKey(table), $"the migration does not create table {table}");
                Assert.Equal(columns, actual[table]);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(fromModel);
        }
    }

    /// <summary>Each table's columns with their SQLite type and whether they take nulls.</summary>
    private static async Task<Dictionary<string, List<string>>> Schema(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var schema = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}') ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            var columns = new List<string>();
            while (await reader.ReadAsync()) columns.Add($"{reader.GetString(0)} {reader.GetString(1)} {(reader.GetInt64(2) == 1 ? "not null" : "null")}");
            schema[table] = columns;
        }
        return schema;
    }
}
