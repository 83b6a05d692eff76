namespace Exchange.Reliability.Infrastructure;

/// <summary>
/// How big the scenarios are: small in the test command (a few minutes in all), full with
/// <c>EXCHANGE_RELIABILITY_SIZE=full</c> (run.sh --full): 50,000 events when the broker is killed.
/// </summary>
public sealed record SuiteSize(string Name, int BrokerKillEvents, int ControlEvents, int ClaimsPerCrash, int DatabaseWrites, int OutageActivities)
{
    public static SuiteSize Small { get; } = new("small", 3_000, 600, 3, 400, 4);

    public static SuiteSize Full { get; } = new("full", 50_000, 5_000, 20, 3_000, 20);

    public static SuiteSize Current { get; } =
        string.Equals(Environment.GetEnvironmentVariable("EXCHANGE_RELIABILITY_SIZE"), "full", StringComparison.OrdinalIgnoreCase) ? Full : Small;
}
