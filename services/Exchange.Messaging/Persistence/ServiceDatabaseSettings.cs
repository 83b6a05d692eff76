using Microsoft.Extensions.Configuration;

namespace Exchange.Messaging.Persistence;

/// <summary>
/// Which database a service uses: <c>Database:Provider</c> is Sqlite (default) or PostgreSQL; the
/// connection string is <c>ConnectionStrings:&lt;service&gt;</c>, which SQLite may leave out to get
/// <c>Data Source=&lt;Database:DataFolder, default "data"&gt;/&lt;service&gt;.db</c>.
/// </summary>
public sealed record ServiceDatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static ServiceDatabaseSettings From(IConfiguration configuration, string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var provider = ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString(serviceName);
        if (!string.IsNullOrWhiteSpace(connectionString)) return new(provider, connectionString);

        if (provider == DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException(
                $"Database:Provider is PostgreSQL but ConnectionStrings:{serviceName} is not set.");
        }
        var folder = configuration["Database:DataFolder"] ?? "data";
        return new(provider, $"Data Source={Path.Combine(folder, serviceName + ".db")}");
    }

    private static DatabaseProvider ParseProvider(string? text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
            _ => throw new InvalidOperationException($"Database:Provider '{text}' is neither Sqlite nor PostgreSQL."),
        };
}
