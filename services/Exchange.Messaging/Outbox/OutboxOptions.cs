namespace Exchange.Messaging.Outbox;

/// <summary>Dispatcher settings, bound from the configuration section <c>Messaging:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>How often the dispatcher looks for events when nothing nudges it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many events (and streams) are read per round, and marked dispatched together after it.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// Streams published at the same time, their confirmations awaited together; each stream's
    /// events still go one by one, each confirmed before the next. Publishing is bound by how long
    /// the broker takes to confirm a persistent message, not by CPU, so this sets the throughput:
    /// the events benchmark's dispatcher went from 1,100 to 1,560 events/s when it rose from 64 to 256.
    /// </summary>
    public int MaxConcurrentStreams { get; set; } = 256;

    /// <summary>How long one publish may wait for the broker's confirmation before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a failed publish inside one round, before the event waits for a later round.</summary>
    public int ImmediateRetries { get; set; } = 2;

    /// <summary>Delay before the first immediate retry; doubles on each further one.</summary>
    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Wait after the first failed round; doubles per failed round up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a dispatcher instance keeps the outbox lease without renewing it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The dispatcher publishes nothing until the bus has been healthy once (its topology declared);
    /// while it waits, it logs a warning this often.
    /// </summary>
    public TimeSpan BusStartWarning { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When every publish has timed out for this long while the bus reports itself healthy (connected,
    /// consumers running), the dispatcher restarts the bus: after an abrupt broker restart the RabbitMQ
    /// client can recover its connection yet never complete another confirmed publish. Zero turns the
    /// restart off. Should be well above <see cref="PublishTimeout"/>, or a slow broker restarts the bus.
    /// </summary>
    public TimeSpan StalledPublishRestart { get; set; } = TimeSpan.FromMinutes(1);
}
