using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Exchange.Messaging.Persistence;

/// <summary>
/// Which database a service uses: <c>Database:Provider</c> is Sqlite (default) or PostgreSQL; the
/// connection string is <c>ConnectionStrings:&lt;service&gt;</c>, which SQLite may leave out to get
/// <c>Data Source=&lt;Database:DataFolder, default "data"&gt;/&lt;service&gt;.db</c>.
/// On PostgreSQL, statements a connection runs again and again are prepared on the server
/// (<c>Max Auto Prepare</c>, <see cref="AutoPreparedStatements"/> unless the connection string says
/// otherwise): a service runs the same few statements all day, and parsing and planning them anew
/// each time was most of the server's work per transaction.
/// </summary>
public sealed record ServiceDatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static ServiceDatabaseSettings From(IConfiguration configuration, string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var provider = ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString(serviceName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new(provider, provider == DatabaseProvider.PostgreSql ? WithAutoPrepare(connectionString) : connectionString);
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException(
                $"Database:Provider is PostgreSQL but ConnectionStrings:{serviceName} is not set.");
        }
        var folder = configuration["Database:DataFolder"] ?? "data";
        return new(provider, $"Data Source={Path.Combine(folder, serviceName + ".db")}");
    }

    /// <summary>Statements per PostgreSQL connection kept prepared, when the connection string does not set <c>Max Auto Prepare</c>.</summary>
    public const int AutoPreparedStatements = 64;

    private static string WithAutoPrepare(string connectionString)
    {
        // Npgsql's own builder says it "contains" every keyword it knows; the plain one lists what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements };
        return builder.ConnectionString;
    }

    private static DatabaseProvider ParseProvider(string? text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
            _ => throw new InvalidOperationException($"Database:Provider '{text}' is neither Sqlite nor PostgreSQL."),
        };
}
