namespace Exchange.Messaging.Outbox;

/// <summary>Headers the dispatcher adds, so a consumer can see where an event stands in its stream.</summary>
public static class OutboxHeaders
{
    public const string StreamKey = "x-stream-key";
    public const string Sequence = "x-stream-sequence";
}
