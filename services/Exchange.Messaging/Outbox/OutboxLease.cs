namespace Exchange.Messaging.Outbox;

/// <summary>
/// The right to dispatch a database's outbox. Only the holder publishes, so several instances of a
/// service do not publish the same events twice; an expired lease can be taken over.
/// </summary>
public sealed class OutboxLease
{
    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }
}
