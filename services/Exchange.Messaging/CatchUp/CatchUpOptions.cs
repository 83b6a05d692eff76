namespace Exchange.Messaging.CatchUp;

/// <summary>Catch-up settings, bound from the configuration section <c>Messaging:CatchUp</c>.</summary>
public sealed class CatchUpOptions
{
    public const string Section = "Messaging:CatchUp";

    /// <summary>
    /// How long an unanswered request waits before it is sent again (with the same id). The request
    /// is lost when the answering service's queue does not exist yet; it is repeated until answered.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A label an operator sets (a date, a ticket number) to make the service ask once more, e.g.
    /// after its queues were deleted: a value it has not asked for yet starts a new request at the
    /// next start. Keeping the same value, or removing it, asks nothing.
    /// </summary>
    public string Resync { get; set; } = "";
}
