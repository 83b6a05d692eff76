using Npgsql;

namespace Exchange.Reliability.Infrastructure;

/// <summary>
/// This suite's own RabbitMQ node and PostgreSQL cluster, started with the deploy/local scripts on
/// other ports, another node name, another Erlang port mapper and data under .state/reliability:
/// what the scenarios kill and restart is never what the other test assemblies use.
/// </summary>
public sealed class DedicatedServers : IAsyncLifetime
{
    public const int RabbitMqPort = 5683;
    public const int PostgresPort = 5443;
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);
    private readonly List<string> _databases = [];

    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["EXCHANGE_STATE_DIR"] = Repository.StateDirectory,
        ["EXCHANGE_RABBITMQ_NODE"] = "reliability@localhost",
        ["EXCHANGE_RABBITMQ_PORT"] = RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["EXCHANGE_RABBITMQ_DIST_PORT"] = "25683",
        ["EXCHANGE_RABBITMQ_EPMD_PORT"] = "4379",
        ["EXCHANGE_POSTGRES_PORT"] = PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public string RabbitMq => $"amqp://guest:guest@127.0.0.1:{RabbitMqPort}/";

    public string PostgresAdmin => $"Host=127.0.0.1;Port={PostgresPort};Username=exchange;Database=exchange_test";

    public ReliabilityReport Report { get; } = new();

    public async Task InitializeAsync()
    {
        if (!await BrokerRunningAsync())
        {
            // A node this suite starts begins empty: queues of earlier runs would keep receiving events.
            var mnesia = Path.Combine(Repository.StateDirectory, "rabbitmq", "mnesia");
            if (Directory.Exists(mnesia)) Directory.Delete(mnesia, recursive: true);
            await StartBrokerAsync();
        }
        await ShellScript.RunAsync("deploy/local/postgres.sh", Environment, ScriptTimeout, "start");
    }

    /// <summary>A new database's connection string; services create it with their migrations, the suite drops it at the end.</summary>
    public string NewDatabase(string service)
    {
        var name = $"rel_{service}_{Guid.NewGuid():N}"[..30];
        lock (_databases) _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    /// <summary>SIGKILL to the node's Erlang VM, as a crash would.</summary>
    public Task KillBrokerAsync() => ShellScript.RunAsync("deploy/local/rabbitmq.sh", Environment, ScriptTimeout, "kill");

    public Task StartBrokerAsync() => ShellScript.RunAsync("deploy/local/rabbitmq.sh", Environment, ScriptTimeout, "start");

    /// <summary>A fast shutdown of the cluster, <paramref name="secondsDown"/> seconds without it, and a start.</summary>
    public Task RestartDatabaseAsync(int secondsDown) =>
        ShellScript.RunAsync("deploy/local/postgres.sh", Environment, ScriptTimeout, "restart", secondsDown.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<bool> BrokerRunningAsync()
    {
        try
        {
            await ShellScript.RunAsync("deploy/local/rabbitmq.sh", Environment, ScriptTimeout, "pid");
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        Report.Write();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresAdmin);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
