namespace Exchange.Testing;

/// <summary>
/// The real RabbitMQ and PostgreSQL the test command starts (tests/run.sh, or
/// deploy/local/with-servers.sh). Their absence is a failure with instructions, never a silent pass.
/// </summary>
public static class TestServers
{
    public static string RabbitMq => Require("EXCHANGE_TEST_RABBITMQ");

    public static string PostgreSql => Require("EXCHANGE_TEST_POSTGRES");

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the tests with 'bash tests/run.sh', or 'bash deploy/local/with-servers.sh dotnet test <test project>'.");
}
