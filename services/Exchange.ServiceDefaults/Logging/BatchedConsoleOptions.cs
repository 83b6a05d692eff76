namespace Exchange.ServiceDefaults.Logging;

/// <summary>Settings of the console logs, bound from <c>Logging:Console:Batch</c>.</summary>
public sealed class BatchedConsoleOptions
{
    public const string Section = "Logging:Console:Batch";

    /// <summary>How often queued lines are written; a line appears at most this late.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Lines waiting beyond this many are dropped (and counted) rather than held in memory.</summary>
    public int MaxQueuedLines { get; set; } = 100_000;
}
