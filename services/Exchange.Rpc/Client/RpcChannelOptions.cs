using Polly;

namespace Exchange.Rpc.Client;

/// <summary>Settings shared by every call of one <see cref="RpcChannel"/>.</summary>
public sealed class RpcChannelOptions
{
    /// <summary>Largest response message accepted, after decompression. gRPC's default is 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Wraps every unary call, from sending the request to reading the status, so that a retry
    /// strategy sees the final status (see <see cref="RpcResilience.RetryUnavailable"/>).
    /// Streaming calls are not wrapped: part of a stream may already have been consumed.
    /// </summary>
    public ResiliencePipeline? Resilience { get; set; }

    /// <summary>
    /// Replaces the channel's own <see cref="SocketsHttpHandler"/> (tests, proxies). The channel
    /// does not dispose a handler it was given.
    /// </summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>Sent on every call before the call's own headers (e.g. authorization).</summary>
    public Metadata? DefaultHeaders { get; set; }

    internal RpcChannelOptions Copy() => (RpcChannelOptions)MemberwiseClone();
}
