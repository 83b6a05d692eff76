namespace Exchange.Messaging.Consumers;

/// <summary>Settings of the <see cref="ConsumerWatchdog"/>, bound from the section <c>Messaging:ConsumerWatch</c>.</summary>
public sealed class ConsumerWatchOptions
{
    public const string Section = "Messaging:ConsumerWatch";

    /// <summary>How often the service's consumer queues are looked at.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A queue of this service that has had messages waiting and no consumer for this long, while
    /// the broker answers, gets the service's bus restarted. Zero turns the watch off.
    /// </summary>
    public TimeSpan RestartAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long stopping and starting the bus may each take when it is restarted.</summary>
    public TimeSpan RestartTimeLimit { get; set; } = TimeSpan.FromSeconds(30);
}
