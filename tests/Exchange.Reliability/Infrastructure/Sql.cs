using Npgsql;

namespace Exchange.Reliability.Infrastructure;

/// <summary>Looks into a service's PostgreSQL database directly, as an operator would.</summary>
public static class Sql
{
    public static async Task<List<T>> QueryAsync<T>(string database, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    public static async Task<long> CountAsync(string database, string sql, params (string Name, object Value)[] parameters) =>
        (await QueryAsync(database, sql, r => r.GetInt64(0), parameters)).Single();
}
