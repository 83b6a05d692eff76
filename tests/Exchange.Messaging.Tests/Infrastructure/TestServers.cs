namespace Exchange.Messaging.Tests.Infrastructure;

/// <summary>
/// Where the real servers are. The tests fail, never skip, without them: a suite that passes
/// without a broker would prove nothing about the outbox.
/// </summary>
public static class TestServers
{
    public const string RabbitMqVariable = "EXCHANGE_TEST_RABBITMQ";
    public const string PostgresVariable = "EXCHANGE_TEST_POSTGRES";

    /// <summary>amqp://user:password@host:port/ of the test broker.</summary>
    public static Uri RabbitMq => new(Required(RabbitMqVariable));

    /// <summary>An Npgsql connection string for a role that may create databases.</summary>
    public static string Postgres => Required(PostgresVariable);

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. These tests need the private RabbitMQ and PostgreSQL servers: " +
                "run them with `deploy/local/with-servers.sh dotnet test tests/Exchange.Messaging.Tests`.");
}
