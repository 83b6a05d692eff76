using Exchange.Claims;
using Exchange.Claims.Data;
using Exchange.Messaging.Persistence;
using Exchange.Projects;
using Exchange.Projects.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Lifecycle.Tests;

/// <summary>
/// The hand-written migrations of the lifecycle must create what the models map: a column added to
/// an entity but forgotten in a migration would fail only when first written. Each service's
/// migrated database is compared with the schema its model creates by itself.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task The_projects_migrations_create_every_table_and_column_of_the_model()
    {
        await using var host = await ServiceHost.StartAsync("projects", ProjectsApp.Build, DatabaseProvider.Sqlite);
        var migrated = await host.InDatabase<ProjectsDb, string>(db => Task.FromResult(db.Database.GetConnectionString()!));
        await Compare(migrated, file => new ProjectsDb(new DbContextOptionsBuilder<ProjectsDb>().UseSqlite($"Data Source={file}").Options));
    }

    [Fact]
    public async Task The_claims_migrations_create_every_table_and_column_of_the_model()
    {
        await using var host = await ServiceHost.StartAsync("claims", ClaimsApp.Build, DatabaseProvider.Sqlite);
        var migrated = await host.InDatabase<ClaimsDb, string>(db => Task.FromResult(db.Database.GetConnectionString()!));
        await Compare(migrated, file => new ClaimsDb(new DbContextOptionsBuilder<ClaimsDb>().UseSqlite($"Data Source={file}").Options));
    }

    private static async Task Compare(string migrated, Func<string, DbContext> model)
    {
        var fromModel = Path.Combine(Path.GetTempPath(), $"exchange-model-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = model(fromModel)) await db.Database.EnsureCreatedAsync();
            var expected = await Schema($"Data Source={fromModel}");
            var actual = await Schema(migrated);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (table, columns) in expected) Assert.Equal(columns, actual[table]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(fromModel);
        }
    }

    /// <summary>Each table's columns with their SQLite type and whether they take nulls, and its indexes with their columns and uniqueness.</summary>
    private static async Task<Dictionary<string, List<string>>> Schema(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = await Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY name");
        var schema = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var columns = await Rows(connection, $"SELECT name || ' ' || type || ' ' || CASE \"notnull\" WHEN 1 THEN 'not null' ELSE 'null' END FROM pragma_table_info('{table}') ORDER BY name");
            var indexes = await Rows(connection,
                $"SELECT 'index ' || il.\"unique\" || ' ' || (SELECT group_concat(name, ',') FROM pragma_index_info(il.name)) FROM pragma_index_list('{table}') il WHERE il.origin = 'c' ORDER BY 1");
            schema[table] = [.. columns, .. indexes];
        }
        return schema;
    }

    private static async Task<List<string>> Rows(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
