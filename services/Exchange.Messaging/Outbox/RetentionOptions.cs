namespace Exchange.Messaging.Outbox;

/// <summary>How long handled messages are kept, bound from the configuration section <c>Messaging:Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Messaging:Retention";

    /// <summary>Dispatched outbox events older than this are deleted (each stream keeps its last one).</summary>
    public TimeSpan DispatchedEvents { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Inbox records older than this are deleted. A duplicate that arrives later than this would be
    /// handled again, so it must outlast any redelivery: broker outages, dispatcher lease expiry.
    /// </summary>
    public TimeSpan HandledMessages { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the purge runs; the first run comes one interval after start.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
