using Exchange.Cli.Hosting;
using Exchange.Rpc;
using Exchange.Rpc.Client;
using Google.Protobuf;

namespace Exchange.Cli.Gateway;

/// <summary>
/// Calls through the gateway over gRPC (h2c, or TLS for https://) with the API key in
/// <c>x-api-key</c> on every call. Unary calls give up after <see cref="UnaryTimeout"/>.
/// </summary>
public sealed class GatewayClient : IDisposable
{
    public const string KeyHeader = "x-api-key";
    public static readonly TimeSpan UnaryTimeout = TimeSpan.FromSeconds(60);

    private readonly RpcChannel _channel;
    private readonly string _key;

    public GatewayClient(GatewayTarget target)
    {
        if (string.IsNullOrWhiteSpace(target.ApiKey))
            throw new CliFailure("no API key: pass --key <key>, set EXCHANGE_API_KEY, or run 'exchange login --key <key>' once", ExitCodes.Access);
        // A key pasted with a line break or a stray character cannot travel in a header.
        if (target.ApiKey.Any(c => c is < ' ' or > '~'))
            throw new CliFailure("the API key holds characters no key has (a line break, a space from copying?): pass the key alone", ExitCodes.Access);
        Address = target.Address;
        _key = target.ApiKey;
        _channel = RpcChannel.ForAddress(target.Address);
    }

    public Uri Address { get; }

    public Task<TResponse> Call<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _channel.UnaryAsync(method, request, new CallOptions { Headers = Headers(), Timeout = UnaryTimeout, CancellationToken = cancellationToken });

    public ServerStreamingCall<TResponse> Stream<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _channel.ServerStreaming(method, request, new CallOptions { Headers = Headers(), CancellationToken = cancellationToken });

    private Metadata Headers() => new Metadata().Add(KeyHeader, _key);

    public void Dispose() => _channel.Dispose();
}
