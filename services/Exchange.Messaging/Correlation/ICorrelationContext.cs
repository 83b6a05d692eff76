namespace Exchange.Messaging.Correlation;

/// <summary>
/// The correlation id of the work in progress: set from the incoming RPC's metadata or the incoming
/// message's headers, copied into outgoing calls and into events written to the outbox.
/// </summary>
public interface ICorrelationContext
{
    /// <summary>The id of the current asynchronous flow, or null outside any request or message.</summary>
    string? CorrelationId { get; }

    /// <summary>Makes <paramref name="correlationId"/> current until the returned scope is disposed.</summary>
    IDisposable Begin(string correlationId);
}
