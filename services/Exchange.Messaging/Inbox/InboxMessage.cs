namespace Exchange.Messaging.Inbox;

/// <summary>
/// A message a consumer has already handled. Written in the same transaction as the consumer's state
/// change; the key (consumer, message id) makes a redelivered message a no-op.
/// </summary>
public sealed class InboxMessage
{
    /// <summary>The consumer's full type name: each consumer of a message keeps its own record.</summary>
    public string Consumer { get; set; } = "";

    public Guid MessageId { get; set; }

    public string MessageType { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime ProcessedAt { get; set; }
}
