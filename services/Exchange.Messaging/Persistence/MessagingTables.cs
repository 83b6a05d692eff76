namespace Exchange.Messaging.Persistence;

/// <summary>
/// Table and column names of the outbox, lease, inbox and catch-up tables, shared by the EF model and the
/// migration that creates them so the two cannot drift apart.
/// </summary>
internal static class MessagingTables
{
    public const string OutboxTable = "outbox_messages";
    public const string LeaseTable = "outbox_leases";
    public const string InboxTable = "inbox_messages";
    public const string CatchUpTable = "catch_up_requests";

    public const string Undispatched = "dispatched_at IS NULL";

    public static class OutboxColumns
    {
        public const string Id = "id";
        public const string StreamKey = "stream_key";
        public const string Sequence = "sequence";
        public const string MessageType = "message_type";
        public const string Body = "body";
        public const string Headers = "headers";
        public const string CorrelationId = "correlation_id";
        public const string CreatedAt = "created_at";
        public const string DispatchedAt = "dispatched_at";
        public const string Attempts = "attempts";
        public const string NextAttemptAt = "next_attempt_at";
        public const string LastError = "last_error";
    }

    public static class LeaseColumns
    {
        public const string Name = "name";
        public const string Owner = "owner";
        public const string ExpiresAt = "expires_at";
    }

    public static class InboxColumns
    {
        public const string Consumer = "consumer";
        public const string MessageId = "message_id";
        public const string MessageType = "message_type";
        public const string ProcessedAt = "processed_at";
    }

    public static class CatchUpColumns
    {
        public const string Name = "name";
        public const string RequestId = "request_id";
        public const string Resync = "resync";
        public const string Attempts = "attempts";
        public const string FirstRequestedAt = "first_requested_at";
        public const string LastRequestedAt = "last_requested_at";
        public const string AnsweredAt = "answered_at";
    }

    public const int StreamKeyLength = 200;
    public const int TypeNameLength = 500;
    public const int CorrelationIdLength = 128;
    public const int LeaseNameLength = 100;
    public const int LeaseOwnerLength = 200;
    public const int ConsumerLength = 300;
    public const int CatchUpNameLength = 100;
    public const int ResyncLength = 200;
}
