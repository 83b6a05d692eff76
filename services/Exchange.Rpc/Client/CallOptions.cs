namespace Exchange.Rpc.Client;

/// <summary>Per-call settings: metadata, deadline and cancellation.</summary>
public readonly record struct CallOptions
{
    public Metadata? Headers { get; init; }

    /// <summary>When the caller stops waiting, in UTC. A deadline already past fails without sending.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Shorthand for <see cref="Deadline"/> = now + timeout; the earlier of the two wins.</summary>
    public TimeSpan? Timeout { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>The absolute deadline in UTC, or <see cref="DateTime.MaxValue"/> when there is none.</summary>
    internal DateTime ResolveDeadline(DateTime utcNow)
    {
        var deadline = DateTime.MaxValue;
        if (Deadline is { } at)
            deadline = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at;
        if (Timeout is { } timeout && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            var byTimeout = timeout >= DateTime.MaxValue - utcNow ? DateTime.MaxValue : utcNow + timeout;
            if (byTimeout < deadline) deadline = byTimeout;
        }
        return deadline;
    }
}
