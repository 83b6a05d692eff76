using System.Buffers;
using System.IO.Pipelines;
using Exchange.Rpc.Protocol;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Server;

/// <summary>
/// One call of the Connect protocol over HTTP/1.1 or HTTP/2. Unary: the body is the message
/// (JSON or binary), errors are an HTTP status with a JSON body. Server streaming: enveloped
/// messages, then an end-of-stream envelope carrying the error and trailers.
/// </summary>
internal sealed class ConnectServerCall : IDisposable
{
    private readonly HttpContext _http;
    private readonly RpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly string _method;
    private readonly bool _json;
    private readonly bool _streaming;
    private CancellationTokenSource? _deadlineCts;
    private CancellationTokenSource? _callCts;
    private string? _requestEncoding;
    private bool _streamStarted;
    private bool _completed;

    public ConnectServerCall(HttpContext http, string method, bool json, bool streaming, RpcServerOptions options, ILogger logger)
    {
        _http = http;
        _method = method;
        _json = json;
        _streaming = streaming;
        _options = options;
        _logger = logger;
    }

    public CallContext Context { get; private set; } = null!;

    private string ContentType => _streaming
        ? (_json ? ConnectProtocol.StreamJsonContentType : ConnectProtocol.StreamProtoContentType)
        : (_json ? ConnectProtocol.JsonContentType : ConnectProtocol.ProtoContentType);

    public async ValueTask<bool> TryStartAsync()
    {
        var headers = _http.Request.Headers;
        Context = new CallContext(_http, _method, DateTime.MaxValue, _http.RequestAborted, null);
        var version = headers[ConnectProtocol.ProtocolVersionHeader].ToString();
        if (version.Length > 0 && version != "1")
        {
            await FailAsync(new RpcException(StatusCode.InvalidArgument, $"connect-protocol-version must be 1, got '{version}'")).ConfigureAwait(false);
            return false;
        }

        var encoding = headers[_streaming ? ConnectProtocol.StreamEncodingHeader : "content-encoding"].ToString();
        _requestEncoding = encoding.Length == 0 ? null : encoding;
        if (!MessageCompression.IsSupported(_requestEncoding))
        {
            _http.Response.Headers[_streaming ? ConnectProtocol.StreamAcceptEncodingHeader : "accept-encoding"] = GrpcHeaders.SupportedEncodings;
            await FailAsync(new RpcException(StatusCode.Unimplemented, $"Content encoding '{encoding}' is not supported; supported: {GrpcHeaders.SupportedEncodings}")).ConfigureAwait(false);
            return false;
        }

        var deadline = DateTime.MaxValue;
        var token = _http.RequestAborted;
        var timeoutHeader = headers[ConnectProtocol.TimeoutHeader].ToString();
        if (timeoutHeader.Length > 0)
        {
            if (!ConnectProtocol.TryParseTimeout(timeoutHeader, out var timeout))
            {
                await FailAsync(new RpcException(StatusCode.InvalidArgument, $"connect-timeout-ms must be a positive integer of at most 10 digits, got '{timeoutHeader}'")).ConfigureAwait(false);
                return false;
            }
            if (timeout.TotalMilliseconds < int.MaxValue)
            {
                deadline = DateTime.UtcNow + timeout;
                _deadlineCts = new CancellationTokenSource(timeout);
                _callCts = CancellationTokenSource.CreateLinkedTokenSource(token, _deadlineCts.Token);
                token = _callCts.Token;
            }
        }
        Context = new CallContext(_http, _method, deadline, token, null);
        return true;
    }

    public async ValueTask<T> ReadRequestAsync<T>(FrameReader.Parse<T> parse)
    {
        if (_streaming)
        {
            var reader = new FrameReader(_http.Request.BodyReader, _options.MaxReceiveMessageSize, _requestEncoding);
            var frame = await reader.ReadAsync(parse, Context.CancellationToken).ConfigureAwait(false);
            if (!frame.HasValue) throw new RpcException(StatusCode.InvalidArgument, "The request stream carried no message");
            return frame.Value;
        }

        var length = _http.Request.ContentLength;
        if (length > _options.MaxReceiveMessageSize)
            throw new RpcException(StatusCode.ResourceExhausted, $"Request body larger than max ({length} vs. {_options.MaxReceiveMessageSize})");
        var body = await ReadWholeBodyAsync(_http.Request.BodyReader, _options.MaxReceiveMessageSize, Context.CancellationToken).ConfigureAwait(false);
        if (_requestEncoding == GrpcHeaders.Gzip)
        {
            var plain = MessageCompression.Decompress(new ReadOnlySequence<byte>(body), _options.MaxReceiveMessageSize)
                ?? throw new RpcException(StatusCode.ResourceExhausted, $"Decompressed request larger than max ({_options.MaxReceiveMessageSize})");
            body = plain;
        }
        return parse(new ReadOnlySequence<byte>(body));
    }

    public async Task<(bool Done, T Result)> RunHandlerAsync<T>(Task<T> handler)
    {
        if (_deadlineCts is null) return (true, await handler.ConfigureAwait(false));
        try
        {
            return (true, await handler.WaitAsync(_deadlineCts.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (_deadlineCts.IsCancellationRequested)
        {
            await CompleteAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null).ConfigureAwait(false);
            await _http.Response.CompleteAsync().ConfigureAwait(false);
            try
            {
                await handler.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or RpcException)
            {
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Handler of {Method} failed after its deadline", _method);
            }
            return (false, default!);
        }
    }

    public async ValueTask WriteMessageAsync(IMessage message)
    {
        if (_completed) throw new RpcException(StatusCode.DeadlineExceeded, "The call has already ended; the message was not sent");
        var payload = _json ? MessageJson.ToUtf8(message) : message.ToByteArray();
        if (payload.Length > _options.MaxSendMessageSize)
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message larger than max ({payload.Length} vs. {_options.MaxSendMessageSize})");
        StartResponse();
        var writer = _http.Response.BodyWriter;
        if (_streaming)
        {
            var header = writer.GetSpan(MessageFrame.HeaderSize);
            MessageFrame.WriteHeader(header, 0, payload.Length);
            writer.Advance(MessageFrame.HeaderSize);
        }
        else
        {
            _http.Response.ContentLength = payload.Length;
            if (Context.HasResponseTrailers) MetadataHeaders.WriteTo(Context.ResponseTrailers, _http.Response.Headers, ConnectProtocol.TrailerPrefix);
            _completed = true;
        }
        await writer.WriteAsync(payload, Context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a stream (end-of-stream envelope) or, for unary, answers an error.</summary>
    public async ValueTask CompleteAsync(Status status, Metadata? extraTrailers)
    {
        if (_completed) return;
        _completed = true;
        var trailers = new Metadata();
        foreach (var entry in Context.ResponseTrailers) trailers.Add(entry);
        if (extraTrailers is not null) foreach (var entry in extraTrailers) trailers.Add(entry);

        if (_streaming)
        {
            StartResponse();
            var body = ConnectProtocol.EndStreamBody(status, trailers);
            var writer = _http.Response.BodyWriter;
            var header = writer.GetSpan(MessageFrame.HeaderSize);
            MessageFrame.WriteHeader(header, MessageFrame.EndStreamFlag, body.Length);
            writer.Advance(MessageFrame.HeaderSize);
            await writer.WriteAsync(body).ConfigureAwait(false);
            return;
        }

        if (status.Code == StatusCode.OK) return;
        var response = _http.Response;
        if (response.HasStarted) return;
        response.StatusCode = ConnectProtocol.HttpStatus(status.Code);
        response.ContentType = ConnectProtocol.JsonContentType;
        if (Context.HasResponseHeaders) MetadataHeaders.WriteTo(Context.ResponseHeaders, response.Headers);
        var (details, others) = ConnectProtocol.SplitDetails(trailers);
        if (others.Count > 0) MetadataHeaders.WriteTo(others, response.Headers, ConnectProtocol.TrailerPrefix);
        var error = ConnectProtocol.ErrorBody(status, details);
        response.ContentLength = error.Length;
        await response.Body.WriteAsync(error).ConfigureAwait(false);
    }

    public ValueTask FailAsync(Exception exception)
    {
        var (status, trailers) = HandlerFailure.ToStatus(exception, _deadlineCts?.IsCancellationRequested == true,
            _http.RequestAborted.IsCancellationRequested, _options, _logger, _method);
        return CompleteAsync(status, trailers);
    }

    private void StartResponse()
    {
        if (_streamStarted) return;
        _streamStarted = true;
        var response = _http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        if (Context.HasResponseHeaders) MetadataHeaders.WriteTo(Context.ResponseHeaders, response.Headers);
    }

    private static async ValueTask<byte[]> ReadWholeBodyAsync(PipeReader reader, int maxSize, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > maxSize)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw new RpcException(StatusCode.ResourceExhausted, $"Request body larger than max ({maxSize})");
            }
            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Answers a Connect call refused before any handler ran.</summary>
    public static Task RefuseAsync(HttpContext http, Status status, int? httpStatus = null)
    {
        var response = http.Response;
        response.StatusCode = httpStatus ?? ConnectProtocol.HttpStatus(status.Code);
        response.ContentType = ConnectProtocol.JsonContentType;
        var body = ConnectProtocol.ErrorBody(status);
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    public void Dispose()
    {
        _callCts?.Dispose();
        _deadlineCts?.Dispose();
    }
}
