using System.Net;
using System.Net.Http.Headers;
using Exchange.Rpc.Protocol;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Calls go on over HTTP/1.1 to the service's HTTP/1.1 port, when it has one, unless they need
/// HTTP/2: the HTTP/2 client behind the proxy costs more per call than its HTTP/1.1 client (see
/// the gateway benchmark).
/// <list type="bullet">
/// <item>Connect calls (JSON or binary) go on as they came.</item>
/// <item>gRPC calls that do not stream requests go on as gRPC-Web (binary), the same messages
/// with the status in a last frame of the body: the gateway turns that frame back into the
/// HTTP/2 trailers its caller expects (<see cref="GrpcWebResponseBody"/>), and the response's
/// content type back to gRPC's. With <see cref="ForwardingOptions.GrpcWebUpstream"/> off, gRPC
/// keeps the h2c route.</item>
/// <item>Calls that stream requests keep the h2c route.</item>
/// </list>
/// </summary>
public static class Http1Upstream
{
    public static void Apply(TransformBuilderContext context, IEnumerable<BackendService> backends)
    {
        var http = backends.FirstOrDefault(b => b.Name == context.Cluster?.ClusterId)?.Http;
        if (http is null) return;
        var prefix = http.GetLeftPart(UriPartial.Authority);
        var services = context.Services;
        var grpcWeb = services.GetRequiredService<IOptions<ForwardingOptions>>().Value.GrpcWebUpstream;
        var catalog = services.GetRequiredService<RpcCatalog>();
        context.AddRequestTransform(transform =>
        {
            var request = transform.HttpContext.Request;
            if (GrpcHeaders.IsGrpcContentType(request.ContentType))
            {
                if (!grpcWeb || catalog.Find(request.Path.Value ?? "") is not { IsClientStreaming: false }) return ValueTask.CompletedTask;
                if (transform.ProxyRequest.Content is { } content) content.Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.WebContentTypeProto);
                transform.ProxyRequest.Headers.Remove(GrpcHeaders.Te);
                transform.HttpContext.Features.Set(new GrpcWebCall());
            }
            transform.ProxyRequest.Version = HttpVersion.Version11;
            transform.ProxyRequest.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            // Set here, the address is not built from the cluster's (h2c) destination afterwards.
            transform.ProxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(prefix, transform.Path, transform.Query.QueryString);
            return ValueTask.CompletedTask;
        });
        context.AddResponseTransform(transform =>
        {
            var call = transform.HttpContext.Features.Get<GrpcWebCall>();
            var response = transform.HttpContext.Response;
            if (call is null || !GrpcHeaders.IsGrpcWebContentType(transform.ProxyResponse?.Content.Headers.ContentType?.ToString())) return ValueTask.CompletedTask;
            response.ContentType = GrpcHeaders.ContentType;
            // The body loses its trailers frame on the way: its length no longer holds.
            response.ContentLength = null;
            if (response.Headers.ContainsKey(GrpcHeaders.Status))
            {
                // Trailers-Only: the status is in the headers and there is no body, which must
                // end the stream with the headers themselves (clients insist).
                transform.SuppressResponseBody = true;
                return ValueTask.CompletedTask;
            }
            response.Body = call.Body = new GrpcWebResponseBody(response.Body);
            return ValueTask.CompletedTask;
        });
        context.AddResponseTrailersTransform(transform =>
        {
            if (transform.HttpContext.Features.Get<GrpcWebCall>()?.Body?.Trailers is not { } trailers) return ValueTask.CompletedTask;
            var outgoing = transform.HttpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
            if (outgoing is null || outgoing.IsReadOnly) return ValueTask.CompletedTask;
            foreach (var (name, value) in trailers) outgoing.Append(name, value);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Marks a gRPC call forwarded as gRPC-Web, and holds its response body once it comes.</summary>
    private sealed class GrpcWebCall
    {
        public GrpcWebResponseBody? Body { get; set; }
    }
}
