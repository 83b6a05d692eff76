namespace Exchange.Messaging.Outbox;

/// <summary>
/// An integration event waiting in (or already sent from) a service's own database. It is written in
/// the same transaction as the state change it reports, so the two are committed or lost together.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The message id the event is published with; consumers' inboxes key on it.</summary>
    public Guid Id { get; set; }

    /// <summary>The stream the event belongs to (e.g. a project id): events of a stream are published in order.</summary>
    public string StreamKey { get; set; } = "";

    /// <summary>1, 2, 3... within the stream, with no gaps; unique together with <see cref="StreamKey"/>.</summary>
    public long Sequence { get; set; }

    /// <summary>The event's CLR type as "Namespace.Type, Assembly".</summary>
    public string MessageType { get; set; } = "";

    /// <summary>The event as JSON.</summary>
    public string Body { get; set; } = "";

    /// <summary>Headers to publish with the event, as a JSON object of strings.</summary>
    public string Headers { get; set; } = "{}";

    public string? CorrelationId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC time the broker confirmed the event; null while it waits.</summary>
    public DateTime? DispatchedAt { get; set; }

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>UTC time before which the dispatcher does not try again after a failure.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}
