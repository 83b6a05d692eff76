using System.Collections.Concurrent;
using Google.Protobuf;

namespace Exchange.Rpc.Client;

/// <summary>
/// A client for the gRPC services at one address, over HTTP/2 (h2c for http://, TLS with ALPN
/// for https://). One channel holds one connection pool and is meant to be shared and reused;
/// calls on it are independent and may run concurrently.
/// </summary>
public sealed class RpcChannel : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly string _baseAddress;
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);
    private bool _disposed;

    private RpcChannel(Uri address, RpcChannelOptions options)
    {
        Address = address;
        Options = options;
        _baseAddress = address.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _invoker = options.Handler is { } handler
            ? new HttpMessageInvoker(handler, disposeHandler: false)
            : new HttpMessageInvoker(CreateHandler(), disposeHandler: true);
    }

    public Uri Address { get; }

    internal RpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker => _invoker;

    public static RpcChannel ForAddress(Uri address, RpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The address must be an absolute http or https URI, not '{address}'", nameof(address));
        options ??= new RpcChannelOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxReceiveMessageSize, nameof(options.MaxReceiveMessageSize));
        return new RpcChannel(address, options);
    }

    /// <summary>Calls a unary method and returns its response; a status other than OK throws <see cref="RpcException"/>.</summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        (await UnaryCallAsync(method, request, options).ConfigureAwait(false)).Response;

    /// <summary>Calls a unary method and returns its response with the response headers and trailers.</summary>
    public Task<UnaryResult<TResponse>> UnaryCallAsync<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (method.IsServerStreaming || method.IsClientStreaming)
            throw new ArgumentException($"{method.Path} is a streaming method; call it with {nameof(ServerStreaming)}", nameof(method));

        // One deadline for the whole call: retries share it rather than each getting a new one.
        var deadline = options.ResolveDeadline(DateTime.UtcNow);
        if (Options.Resilience is not { } pipeline)
            return InvokeUnaryAsync<TResponse>(method.Path, request, options.Headers, deadline, options.CancellationToken);
        return pipeline.ExecuteAsync(
            static async (state, token) => await state.Channel.InvokeUnaryAsync<TResponse>(state.Path, state.Request, state.Headers, state.Deadline, token).ConfigureAwait(false),
            (Channel: this, method.Path, Request: (IMessage)request, options.Headers, Deadline: deadline),
            options.CancellationToken).AsTask();
    }

    /// <summary>
    /// Starts a server-streaming call. The call runs until its stream has been read to the end
    /// or the returned call is disposed.
    /// </summary>
    public ServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!method.IsServerStreaming || method.IsClientStreaming)
            throw new ArgumentException($"{method.Path} is not a server-streaming method", nameof(method));
        var call = new ClientCall<TResponse>(this, method.Path, request, options.Headers,
            options.ResolveDeadline(DateTime.UtcNow), options.CancellationToken);
        return new ServerStreamingCall<TResponse>(call);
    }

    internal Uri MethodUri(string path) => _methodUris.GetOrAdd(path, static (p, self) => new Uri(self._baseAddress + p), this);

    private async Task<UnaryResult<TResponse>> InvokeUnaryAsync<TResponse>(string path, IMessage request, Metadata? headers, DateTime deadline, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = new ClientCall<TResponse>(this, path, request, headers, deadline, cancellationToken);
        var responseHeaders = await call.StartAsync().ConfigureAwait(false);
        var response = await call.ReadMessageAsync().ConfigureAwait(false);
        if (response.HasValue && (await call.ReadMessageAsync().ConfigureAwait(false)).HasValue)
            throw call.Abort(new Status(StatusCode.Internal, "The response carried more than one message; a unary call takes exactly one"));
        var status = call.Status!.Value;
        if (status.Code != StatusCode.OK) throw new RpcException(status, call.Trailers);
        if (!response.HasValue)
            throw new RpcException(new Status(StatusCode.Internal, "The call ended OK without a response message"), call.Trailers);
        return new UnaryResult<TResponse>(response.Value, responseHeaders, call.Trailers);
    }

    /// <summary>
    /// HTTP/2 only, several connections once one is full (servers allow about 100 concurrent
    /// streams per connection), keep-alive pings while calls run so that a dead connection is
    /// noticed, and a connect timeout so that an unreachable host fails as UNAVAILABLE in time.
    /// </summary>
    private static SocketsHttpHandler CreateHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        AllowAutoRedirect = false,
        UseCookies = false,
        // h2c cannot pass an HTTP/1.1 forward proxy; give the channel a Handler to use one.
        UseProxy = false,
    };

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _invoker.Dispose();
    }
}
