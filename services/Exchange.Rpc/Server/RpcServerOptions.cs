namespace Exchange.Rpc.Server;

/// <summary>Limits and switches of the RPC server.</summary>
public sealed class RpcServerOptions
{
    /// <summary>Largest request message accepted, after decompression. gRPC's default is 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent; larger ones fail with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>
    /// When true, the message of an unexpected handler exception reaches the caller. Never the
    /// stack trace. Off by default: callers see only that the handler failed.
    /// </summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>
    /// The status for an exception a handler did not turn into an <see cref="RpcException"/>
    /// itself, or null to leave it UNKNOWN. Services map infrastructure failures with it, e.g. a
    /// database that does not answer to UNAVAILABLE, which callers may retry.
    /// </summary>
    public Func<Exception, Status?>? ExceptionStatus { get; set; }
}
