using Exchange.Messaging.Persistence;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Surveys.Tests.Infrastructure;

/// <summary>
/// The queues and the PostgreSQL database of one test host, named here so that they can be removed
/// when the host is disposed: consumer queues are durable and would otherwise collect every later
/// run's events on the shared test broker.
/// </summary>
public sealed class HostResources(string queuePrefix, IReadOnlyList<string> consumers, string? postgresConnection)
{
    public string QueuePrefix => queuePrefix;

    public IReadOnlyDictionary<string, string?> Settings { get; private init; } = new Dictionary<string, string?>();

    /// <param name="consumers">The host's consumer endpoints in kebab case ("project-completed").</param>
    public static HostResources For(string service, DatabaseProvider provider, params string[] consumers)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var prefix = $"{service}-test-{suffix}";
        var settings = new Dictionary<string, string?> { ["Messaging:QueuePrefix"] = prefix };
        string? postgres = null;
        if (provider == DatabaseProvider.PostgreSql)
        {
            postgres = new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { Database = $"{service}_{suffix}" }.ConnectionString;
            settings[$"ConnectionStrings:{service}"] = postgres;
        }
        return new HostResources(prefix, consumers, postgres) { Settings = settings };
    }

    public async Task RemoveAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) };
        await using (var connection = await factory.CreateConnectionAsync())
        {
            foreach (var name in consumers.Select(c => $"{queuePrefix}-{c}").SelectMany(e => new[] { e, $"{e}_error", $"{e}_skipped" }))
            {
                await Absent(connection, channel => channel.QueueDeleteAsync(name));
                await Absent(connection, channel => channel.ExchangeDeleteAsync(name));
            }
        }
        if (postgresConnection is null) return;
        await using (var pooled = new NpgsqlConnection(postgresConnection)) NpgsqlConnection.ClearPool(pooled);
        await using var admin = new NpgsqlConnection(TestServers.PostgreSql);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(postgresConnection).Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task Absent(IConnection connection, Func<IChannel, Task> delete)
    {
        try
        {
            await using var channel = await connection.CreateChannelAsync();
            await delete(channel);
        }
        catch (OperationInterruptedException)
        {
            // Never declared: nothing to remove.
        }
    }
}
