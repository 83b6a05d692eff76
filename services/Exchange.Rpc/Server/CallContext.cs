using System.Security.Claims;
using Exchange.Rpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Exchange.Rpc.Server;

/// <summary>
/// What a handler knows about the call it serves: who calls, with which metadata and deadline,
/// and where it may put response headers and trailers. The same for gRPC and Connect callers.
/// </summary>
public sealed class CallContext
{
    private readonly HttpContext _http;
    private readonly string? _metadataPrefixToStrip;
    private Metadata? _requestHeaders;
    private Metadata? _responseHeaders;
    private Metadata? _responseTrailers;

    internal CallContext(HttpContext http, string method, DateTime deadline, CancellationToken cancellationToken, string? metadataPrefixToStrip = null)
    {
        _http = http;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        _metadataPrefixToStrip = metadataPrefixToStrip;
    }

    /// <summary>The full method path, e.g. <c>/exchange.projects.v1.Projects/GetProject</c>.</summary>
    public string Method { get; }

    /// <summary>When the caller stops waiting (UTC); <see cref="DateTime.MaxValue"/> when it set none.</summary>
    public DateTime Deadline { get; }

    /// <summary>Cancelled when the caller cancels, disconnects or its deadline passes.</summary>
    public CancellationToken CancellationToken { get; }

    public string Peer => _http.Connection.RemoteIpAddress is { } ip
        ? $"{(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4")}:{ip}:{_http.Connection.RemotePort}"
        : "unknown";

    public string Host => _http.Request.Host.Value ?? "";

    /// <summary>The authenticated caller, as established by the host's authentication.</summary>
    public ClaimsPrincipal User => _http.User;

    public IServiceProvider Services => _http.RequestServices;

    public Metadata RequestHeaders => _requestHeaders ??= MetadataHeaders.FromHttp(_http.Request.Headers, _metadataPrefixToStrip);

    /// <summary>Sent before the first response message (or with the status if there is none).</summary>
    public Metadata ResponseHeaders => _responseHeaders ??= new();

    /// <summary>Sent with the status at the end of the call.</summary>
    public Metadata ResponseTrailers => _responseTrailers ??= new();

    // Most calls set no metadata: the collections are made only when a handler asks for them.
    internal bool HasResponseHeaders => _responseHeaders is { Count: > 0 };

    internal bool HasResponseTrailers => _responseTrailers is { Count: > 0 };

    /// <summary>The underlying HTTP exchange, for host features such as authentication.</summary>
    public HttpContext GetHttpContext() => _http;
}
