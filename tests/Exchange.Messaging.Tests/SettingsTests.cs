using Npgsql;
using Exchange.Messaging.Persistence;
using Microsoft.Extensions.Configuration;

namespace Exchange.Messaging.Tests;

public sealed class SettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
            .Build();

    [Fact]
    public void The_broker_is_read_from_an_amqp_connection_string()
    {
        var settings = MessagingSettings.From(Config(("ConnectionStrings:RabbitMq", "amqp://exchange:s%40cret@mq.internal:5673/programmes")));
        Assert.Equal((MessagingTransport.RabbitMq, "mq.internal", (ushort)5673, "programmes", "exchange", "s@cret"),
            (settings.Transport, settings.Host, settings.Port, settings.VirtualHost, settings.User, settings.Password));
    }

    [Fact]
    public void The_broker_is_read_from_the_RabbitMq_section_when_there_is_no_connection_string()
    {
        var settings = MessagingSettings.From(Config(("RabbitMq:Host", "rabbit"), ("RabbitMq:Port", "5674"), ("RabbitMq:User", "u"), ("RabbitMq:Password", "p")));
        Assert.Equal(("rabbit", (ushort)5674, "/", "u", "p"), (settings.Host, settings.Port, settings.VirtualHost, settings.User, settings.Password));
        Assert.Equal(MessagingSettings.DefaultRetryIntervals, settings.RetryIntervals);
    }

    [Fact]
    public void Transport_and_retry_intervals_are_configurable()
    {
        var settings = MessagingSettings.From(Config(("Messaging:Transport", "inmemory"), ("Messaging:RetryIntervals", "100, 2000")));
        Assert.Equal(MessagingTransport.InMemory, settings.Transport);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)], settings.RetryIntervals);
        Assert.Throws<InvalidOperationException>(() => MessagingSettings.From(Config(("Messaging:Transport", "kafka"))));
        Assert.Throws<InvalidOperationException>(() => MessagingSettings.From(Config(("Messaging:RetryIntervals", "soon"))));
    }

    [Fact]
    public void Quorum_queues_are_off_unless_configured_and_the_flag_must_be_a_boolean()
    {
        Assert.False(MessagingSettings.From(Config()).QuorumQueues);
        Assert.True(MessagingSettings.From(Config(("Messaging:QuorumQueues", "true"), ("ConnectionStrings:RabbitMq", "amqp://mq/"))).QuorumQueues);
        Assert.True(MessagingSettings.From(Config(("Messaging:QuorumQueues", "True"), ("RabbitMq:Host", "mq"))).QuorumQueues);
        Assert.Throws<InvalidOperationException>(() => MessagingSettings.From(Config(("Messaging:QuorumQueues", "yes"))));
    }

    [Fact]
    public void A_service_gets_its_own_SQLite_file_by_default()
    {
        var settings = ServiceDatabaseSettings.From(Config(), "projects");
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal($"Data Source={Path.Combine("data", "projects.db")}", settings.ConnectionString);
        Assert.Equal($"Data Source={Path.Combine("/var/lib/exchange", "claims.db")}",
            ServiceDatabaseSettings.From(Config(("Database:DataFolder", "/var/lib/exchange")), "claims").ConnectionString);
    }

    [Fact]
    public void PostgreSQL_is_chosen_by_configuration_and_needs_the_services_connection_string()
    {
        var settings = ServiceDatabaseSettings.From(Config(("Database:Provider", "PostgreSQL"), ("ConnectionStrings:projects", "Host=db;Database=projects")), "projects");
        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal(("db", "projects"), (connection.Host, connection.Database));
        var missing = Assert.Throws<InvalidOperationException>(() => ServiceDatabaseSettings.From(Config(("Database:Provider", "postgres")), "projects"));
        Assert.Contains("ConnectionStrings:projects", missing.Message);
        Assert.Throws<InvalidOperationException>(() => ServiceDatabaseSettings.From(Config(("Database:Provider", "oracle")), "projects"));
    }

    [Theory]
    [InlineData("Host=db;Database=projects", 64)]
    [InlineData("Host=db;Database=projects;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=projects;MaxAutoPrepare=10", 10)]
    public void PostgreSQL_prepares_repeated_statements_unless_the_connection_string_says_otherwise(string connectionString, int prepared)
    {
        var settings = ServiceDatabaseSettings.From(Config(("Database:Provider", "PostgreSQL"), ("ConnectionStrings:projects", connectionString)), "projects");
        Assert.Equal(prepared, new NpgsqlConnectionStringBuilder(settings.ConnectionString).MaxAutoPrepare);
    }
}
