using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Testing;

/// <summary>
/// Compares a database made by a service's hand-written migrations with the schema its EF model
/// creates by itself, on SQLite: a column added to an entity but forgotten in a migration would
/// otherwise fail only when it is first written.
/// </summary>
public static class ModelSchema
{
    /// <summary>
    /// What the migrated database lacks or has besides the model's own schema: tables, columns with
    /// their type and nullability, and indexes with their columns and uniqueness. Empty when they agree.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync<TDb>(string migratedConnectionString, Func<DbContextOptions<TDb>, TDb> create)
        where TDb : DbContext
    {
        var fromModel = Path.Combine(Path.GetTempPath(), $"exchange-model-{typeof(TDb).Name}-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = create(new DbContextOptionsBuilder<TDb>().UseSqlite($"Data Source={fromModel}").Options))
                await db.Database.EnsureCreatedAsync();
            var expected = await ReadAsync($"Data Source={fromModel}");
            var actual = await ReadAsync(migratedConnectionString);
            var differences = new List<string>();
            foreach (var table in expected.Keys.Except(actual.Keys)) differences.Add($"the migrations do not create table {table}");
            foreach (var table in actual.Keys.Except(expected.Keys)) differences.Add($"the migrations create table {table}, which the model does not map");
            foreach (var (table, items) in expected)
            {
                if (!actual.TryGetValue(table, out var migrated)) continue;
                foreach (var item in items.Except(migrated)) differences.Add($"{table}: the migrations lack {item}");
                foreach (var item in migrated.Except(items)) differences.Add($"{table}: the migrations have {item}, which the model does not");
            }
            return differences;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(fromModel);
        }
    }

    /// <summary>Each table's columns (name, SQLite type, nullability) and indexes (uniqueness, columns).</summary>
    private static async Task<Dictionary<string, List<string>>> ReadAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = await RowsAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%' ORDER BY name");
        var schema = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var columns = await RowsAsync(connection,
                $"SELECT 'column ' || name || ' ' || type || ' ' || CASE \"notnull\" WHEN 1 THEN 'not null' ELSE 'null' END FROM pragma_table_info('{table}') ORDER BY name");
            var indexes = await RowsAsync(connection,
                $"SELECT 'index on (' || (SELECT group_concat(name, ', ') FROM pragma_index_info(il.name)) || ')' || CASE il.\"unique\" WHEN 1 THEN ' unique' ELSE '' END FROM pragma_index_list('{table}') il WHERE il.origin = 'c' ORDER BY 1");
            schema[table] = [.. columns, .. indexes];
        }
        return schema;
    }

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
