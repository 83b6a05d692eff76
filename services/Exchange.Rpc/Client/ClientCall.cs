using System.IO.Pipelines;
using System.Net;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Client;

/// <summary>
/// One gRPC call on the wire: sends the request, reads the response headers, then the messages
/// as they arrive, then the status. Owns the deadline timer and turns every way a call can end
/// (status, transport failure, cancellation, deadline, local protocol error) into one
/// <see cref="Status"/>, set once.
/// </summary>
internal sealed class ClientCall<TResponse> : IDisposable
    where TResponse : class, IMessage<TResponse>, new()
{
    // CancelAfter cannot wait longer than this; a later deadline is still sent to the server.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly RpcChannel _channel;
    private readonly string _path;
    private readonly IMessage _request;
    private readonly Metadata? _headers;
    private readonly DateTime _deadline;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _cts;
    private readonly CancellationToken _token;
    private HttpRequestMessage? _httpRequest;
    private HttpResponseMessage? _httpResponse;
    private PipeReader? _body;
    private FrameReader? _frames;
    private volatile bool _cancelledHere;
    // The boxed final status: set once, by whichever ending comes first, and read from any thread.
    private object? _ending;
    private int _disposed;

    public ClientCall(RpcChannel channel, string path, IMessage request, Metadata? headers, DateTime deadline, CancellationToken callerToken)
    {
        _channel = channel;
        _path = path;
        _request = request;
        _headers = headers;
        _deadline = deadline;
        _callerToken = callerToken;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        _token = _cts.Token;
    }

    /// <summary>The final status; null while the call runs.</summary>
    public Status? Status => _ending is Status status ? status : null;

    public Metadata ResponseHeaders { get; private set; } = new();

    public Metadata Trailers { get; private set; } = new();

    /// <summary>
    /// Sends the request and returns the response headers. Fails with <see cref="RpcException"/>
    /// only when no response arrived; a status in the headers (Trailers-Only, or an HTTP error)
    /// ends the call and is reported by <see cref="ReadMessageAsync"/> returning no message.
    /// </summary>
    public async Task<Metadata> StartAsync()
    {
        HttpResponseMessage response;
        try
        {
            _callerToken.ThrowIfCancellationRequested();
            TimeSpan? timeout = null;
            if (_deadline != DateTime.MaxValue)
            {
                var remaining = _deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero) throw End(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
                if (remaining < LongestTimer) _cts.CancelAfter(remaining);
                timeout = remaining;
            }
            _httpRequest = CreateRequest(timeout);
            // The invoker answers once the headers are in and streams the body: the
            // ResponseHeadersRead behaviour, with no HttpClient timeout on top.
            response = await _channel.Invoker.SendAsync(_httpRequest, _token).ConfigureAwait(false);
            _httpResponse = response;
            // Disposed while the headers arrived: reset the stream now rather than leave it open.
            _token.ThrowIfCancellationRequested();
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }

        ResponseHeaders = HttpMetadata.FromResponse(response);
        var contentType = HttpMetadata.Value(response.Content.Headers, "content-type");
        if (ResponseStatus.From(response.Headers) is { } trailersOnly)
        {
            // Trailers-Only: the headers are the trailers too.
            Trailers = ResponseHeaders;
            End(trailersOnly);
        }
        else if (response.StatusCode != HttpStatusCode.OK)
        {
            End(ResponseStatus.FromHttpStatus(response.StatusCode));
        }
        else if (!GrpcHeaders.IsGrpcContentType(contentType))
        {
            End(new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}"));
        }
        else if (HttpMetadata.Value(response.Headers, GrpcHeaders.Encoding) is var encoding && !MessageCompression.IsSupported(encoding))
        {
            End(new Status(StatusCode.Internal, $"The response uses message encoding '{encoding}'; supported: {GrpcHeaders.SupportedEncodings}"));
        }
        else
        {
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(_token).ConfigureAwait(false);
                _body = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
                _frames = new FrameReader(_body, _channel.Options.MaxReceiveMessageSize, encoding);
            }
            catch (Exception ex)
            {
                throw Fail(ex);
            }
        }
        return ResponseHeaders;
    }

    /// <summary>
    /// The next message as soon as it has arrived, or no message when the call has ended (then
    /// <see cref="Status"/> is set). Throws <see cref="RpcException"/> when reading fails.
    /// </summary>
    public async ValueTask<Frame<TResponse>> ReadMessageAsync()
    {
        if (Status is not null || _frames is null)
        {
            Release();
            return default;
        }
        try
        {
            var frame = await _frames.ReadAsync(MessageCodec<TResponse>.GrpcParse, _token).ConfigureAwait(false);
            if (frame.HasValue) return frame;
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }
        // The body has ended, so HttpClient has the trailers.
        Trailers = HttpMetadata.FromTrailers(_httpResponse!);
        End(ResponseStatus.From(_httpResponse!.TrailingHeaders)
            ?? new Status(StatusCode.Internal, "No grpc-status found on response."));
        return default;
    }

    /// <summary>Ends the call with a status found by the client itself; resets the stream if still open.</summary>
    public RpcException Abort(Status status) => End(status);

    /// <summary>Cancels a running call: the stream is reset and the status is CANCELLED.</summary>
    public void Cancel()
    {
        if (Status is not null) return;
        _cancelledHere = true;
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing left to cancel.
        }
    }

    private HttpRequestMessage CreateRequest(TimeSpan? timeout)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.MethodUri(_path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new LengthPrefixedContent(_request),
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcHeaders.Te, GrpcHeaders.Trailers);
        headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, GrpcHeaders.SupportedEncodings);
        if (timeout is { } t) headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(t));
        HttpMetadata.WriteTo(request, _channel.Options.DefaultHeaders, _headers);
        return request;
    }

    /// <summary>Ends the call after <paramref name="exception"/>, unless it has already ended.</summary>
    private RpcException Fail(Exception exception)
    {
        var ended = End(Status ?? StatusOf(exception));
        if (exception is RpcException thrown) return thrown.Status == ended.Status ? thrown : ended;
        return new RpcException(ended.Status, Trailers, exception);
    }

    /// <summary>Cancellation wins over the error it caused (a reset stream, an aborted read).</summary>
    private Status StatusOf(Exception exception)
    {
        if (_callerToken.IsCancellationRequested || _cancelledHere) return new Status(StatusCode.Cancelled, "Call cancelled by the caller");
        if (_token.IsCancellationRequested) return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        if (exception is RpcException rpc) return rpc.Status;
        return TransportFailure.ToStatus(exception);
    }

    /// <summary>Sets the status if none is set yet (the first ending wins) and frees the exchange.</summary>
    private RpcException End(Status status)
    {
        Interlocked.CompareExchange(ref _ending, status, null);
        Release();
        return new RpcException(Status!.Value, Trailers);
    }

    /// <summary>
    /// Frees the HTTP exchange. Disposing a response whose body has not ended resets the
    /// stream (RST_STREAM CANCEL), which is what stops the server.
    /// </summary>
    private void Release()
    {
        _body?.Complete();
        _body = null;
        _httpResponse?.Dispose();
        _httpRequest?.Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (Interlocked.CompareExchange(ref _ending, new Status(StatusCode.Cancelled, "Call disposed before it ended"), null) is null)
        {
            // Ending early: a read in progress stops and reports CANCELLED, and disposing the
            // response resets the stream.
            _cancelledHere = true;
            _cts.Cancel();
            _httpResponse?.Dispose();
            _httpRequest?.Dispose();
        }
        _cts.Dispose();
    }
}
