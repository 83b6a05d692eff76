using Exchange.Rpc.Protocol;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Server;

/// <summary>
/// One call of the gRPC-over-HTTP/2 protocol: checks the request, turns grpc-timeout into
/// cancellation, writes headers, messages and the status (in trailers, or Trailers-Only when no
/// message was sent), and maps handler failures to status codes. A gRPC-Web call
/// (<c>application/grpc-web</c>, binary) is the same over any HTTP version, except that the
/// status and trailers travel as the body's last frame (flag 0x80, HTTP/1 header lines).
/// </summary>
internal sealed class GrpcServerCall : IDisposable
{
    private readonly HttpContext _http;
    private readonly RpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly string _method;
    private readonly bool _web;
    private CancellationTokenSource? _deadlineCts;
    private CancellationTokenSource? _callCts;
    private SemaphoreSlim? _writeLock;
    private string? _requestEncoding;
    private bool _headersSent;
    private bool _completed;

    public GrpcServerCall(HttpContext http, string method, RpcServerOptions options, ILogger logger)
    {
        _http = http;
        _method = method;
        _options = options;
        _logger = logger;
        _web = GrpcHeaders.IsGrpcWebContentType(http.Request.ContentType);
    }

    public CallContext Context { get; private set; } = null!;

    private bool HasDeadline => _deadlineCts is not null;

    /// <summary>Checks protocol, encoding and deadline; false when the call was already answered.</summary>
    public bool TryStart(bool streamingResponse)
    {
        var request = _http.Request;
        if (!_web && !HttpProtocol.IsHttp2(request.Protocol))
        {
            // gRPC needs HTTP/2 trailers; tell HTTP/1.x callers plainly.
            _http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            WriteTrailersOnly(new Status(StatusCode.Internal, $"gRPC requires HTTP/2; the request used {request.Protocol}"), null);
            return false;
        }

        // The typed properties reach Kestrel's slots for these headers without a name lookup.
        var encoding = request.Headers.GrpcEncoding.ToString();
        _requestEncoding = encoding.Length == 0 ? null : encoding;
        if (!MessageCompression.IsSupported(_requestEncoding))
        {
            WriteTrailersOnly(new Status(StatusCode.Unimplemented,
                $"Message encoding '{encoding}' is not supported; supported: {GrpcHeaders.SupportedEncodings}"), null);
            return false;
        }

        var deadline = DateTime.MaxValue;
        var token = _http.RequestAborted;
        var timeoutHeader = request.Headers.GrpcTimeout.ToString();
        if (timeoutHeader.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var timeout))
            {
                WriteTrailersOnly(new Status(StatusCode.Internal, $"Malformed grpc-timeout header '{timeoutHeader}'"), null);
                return false;
            }
            if (timeout <= TimeSpan.Zero)
            {
                WriteTrailersOnly(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null);
                return false;
            }
            // Longer than a timer can hold (about 24 days) means no practical deadline.
            if (timeout.TotalMilliseconds < int.MaxValue)
            {
                deadline = DateTime.UtcNow + timeout;
                _deadlineCts = new CancellationTokenSource(timeout);
                _callCts = CancellationTokenSource.CreateLinkedTokenSource(token, _deadlineCts.Token);
                token = _callCts.Token;
                if (streamingResponse) _writeLock = new SemaphoreSlim(1, 1);
            }
        }

        Context = new CallContext(_http, _method, deadline, token);
        return true;
    }

    public ValueTask<TRequest> ReadSingleMessageAsync<TRequest>(FrameReader.Parse<TRequest> parse)
    {
        var reader = new FrameReader(_http.Request.BodyReader, _options.MaxReceiveMessageSize, _requestEncoding);
        return reader.TryReadOnlyMessage(parse, out var message) ? new(message) : ReadSingleMessageFromStreamAsync(reader, parse);
    }

    private async ValueTask<TRequest> ReadSingleMessageFromStreamAsync<TRequest>(FrameReader reader, FrameReader.Parse<TRequest> parse)
    {
        var first = await reader.ReadAsync(parse, Context.CancellationToken).ConfigureAwait(false);
        if (!first.HasValue)
            throw new RpcException(StatusCode.Internal, "The request carried no message; a call with a single request needs exactly one");
        var extra = await reader.ReadAsync(parse, Context.CancellationToken).ConfigureAwait(false);
        if (extra.HasValue)
            throw new RpcException(StatusCode.Internal, "The request carried more than one message; this method takes exactly one");
        return first.Value;
    }

    /// <summary>
    /// Awaits the handler; when the deadline passes first, answers DEADLINE_EXCEEDED at once and
    /// then still waits for the handler so that nothing outlives the HTTP exchange.
    /// </summary>
    public ValueTask<(bool Done, T Result)> RunHandlerAsync<T>(Task<T> handler) =>
        // Most handlers have finished by now: answer without a state machine or an allocation.
        handler.IsCompletedSuccessfully ? new((true, handler.Result)) : RunPendingHandlerAsync(handler);

    private async ValueTask<(bool Done, T Result)> RunPendingHandlerAsync<T>(Task<T> handler)
    {
        if (!HasDeadline) return (true, await handler.ConfigureAwait(false));
        try
        {
            return (true, await handler.WaitAsync(_deadlineCts!.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (_deadlineCts!.IsCancellationRequested)
        {
            await CompleteAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null, completeResponse: true).ConfigureAwait(false);
            try
            {
                await handler.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or RpcException)
            {
                // Expected: the handler saw the cancelled token.
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Handler of {Method} failed after its deadline", _method);
            }
            return (false, default!);
        }
    }

    /// <summary>Writes one response message; flushes it when the call streams.</summary>
    public ValueTask WriteMessageAsync(IMessage message, bool flush)
    {
        if (_writeLock is not null || flush) return WriteAndFlushMessageAsync(message, flush);
        // A unary response is only buffered here (Kestrel sends it with the trailers): no awaiting.
        WriteMessage(message);
        return ValueTask.CompletedTask;
    }

    private async ValueTask WriteAndFlushMessageAsync(IMessage message, bool flush)
    {
        if (_writeLock is not null) await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            WriteMessage(message);
            if (flush) await _http.Response.BodyWriter.FlushAsync(Context.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    private void WriteMessage(IMessage message)
    {
        if (_completed)
            throw new RpcException(StatusCode.DeadlineExceeded, "The call has already ended; the message was not sent");
        var size = message.CalculateSize();
        if (size > _options.MaxSendMessageSize)
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {_options.MaxSendMessageSize})");
        EnsureHeaders();
        var writer = _http.Response.BodyWriter;
        var span = writer.GetSpan(MessageFrame.HeaderSize + size);
        MessageFrame.WriteHeader(span, 0, size);
        message.WriteTo(span.Slice(MessageFrame.HeaderSize, size));
        writer.Advance(MessageFrame.HeaderSize + size);
    }

    public ValueTask CompleteAsync(Status status, Metadata? extraTrailers) =>
        CompleteAsync(status, extraTrailers, completeResponse: false);

    /// <summary>Ends the call with <paramref name="exception"/> turned into a status.</summary>
    public ValueTask FailAsync(Exception exception)
    {
        var (status, trailers) = HandlerFailure.ToStatus(exception, _deadlineCts?.IsCancellationRequested == true,
            _http.RequestAborted.IsCancellationRequested, _options, _logger, _method);
        return CompleteAsync(status, trailers);
    }

    private async ValueTask CompleteAsync(Status status, Metadata? extraTrailers, bool completeResponse)
    {
        if (_writeLock is not null) await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_completed) return;
            if (_headersSent) WriteTrailers(status, extraTrailers);
            else WriteTrailersOnly(status, extraTrailers);
            if (completeResponse) await _http.Response.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    private void EnsureHeaders()
    {
        if (_headersSent) return;
        _headersSent = true;
        var response = _http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ResponseContentType;
        response.Headers.GrpcAcceptEncoding = GrpcHeaders.SupportedEncodings;
        if (Context.HasResponseHeaders) MetadataHeaders.WriteTo(Context.ResponseHeaders, response.Headers);
    }

    private string ResponseContentType => _web ? GrpcHeaders.WebContentTypeProto : GrpcHeaders.ContentType;

    private void WriteTrailers(Status status, Metadata? extraTrailers)
    {
        _completed = true;
        var trailers = _web ? new HeaderDictionary() : _http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is null || trailers.IsReadOnly) throw new InvalidOperationException("Trailers are not supported for this response.");
        // Set, not appended: the status trailers are written once, and metadata cannot use grpc- keys.
        trailers.GrpcStatus = StatusCodeText(status.Code);
        if (!string.IsNullOrEmpty(status.Detail)) trailers.GrpcMessage = StatusMessageEncoding.Encode(status.Detail);
        if (Context.HasResponseTrailers) MetadataHeaders.WriteTo(Context.ResponseTrailers, trailers);
        if (extraTrailers is { Count: > 0 }) MetadataHeaders.WriteTo(extraTrailers, trailers);
        if (_web) GrpcWebTrailers.Write(_http.Response.BodyWriter, trailers);
    }

    /// <summary>A response of headers only, carrying the status: the protocol's Trailers-Only form.</summary>
    private void WriteTrailersOnly(Status status, Metadata? extraTrailers)
    {
        _completed = true;
        var response = _http.Response;
        if (response.HasStarted) return;
        if (response.StatusCode != StatusCodes.Status426UpgradeRequired) response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ResponseContentType;
        var headers = response.Headers;
        headers[GrpcHeaders.Status] = StatusCodeText(status.Code);
        if (!string.IsNullOrEmpty(status.Detail)) headers[GrpcHeaders.Message] = StatusMessageEncoding.Encode(status.Detail);
        if (status.Code == StatusCode.Unimplemented) headers[GrpcHeaders.AcceptEncoding] = GrpcHeaders.SupportedEncodings;
        if (Context is not null)
        {
            if (Context.HasResponseHeaders) MetadataHeaders.WriteTo(Context.ResponseHeaders, headers);
            if (Context.HasResponseTrailers) MetadataHeaders.WriteTo(Context.ResponseTrailers, headers);
        }
        if (extraTrailers is { Count: > 0 }) MetadataHeaders.WriteTo(extraTrailers, headers);
    }

    private static readonly string[] CodeTexts = Enumerable.Range(0, 17).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string StatusCodeText(StatusCode code) =>
        (int)code is >= 0 and < 17 ? CodeTexts[(int)code] : ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Answers a call refused before any handler ran (unknown method, wrong kind).</summary>
    public static void Refuse(HttpContext http, Status status)
    {
        var call = new GrpcServerCall(http, http.Request.Path, new RpcServerOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        call.WriteTrailersOnly(status, null);
    }

    public void Dispose()
    {
        _callCts?.Dispose();
        _deadlineCts?.Dispose();
        _writeLock?.Dispose();
    }
}
