using System.Net;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Calls that arrive over HTTP/1.1 (Connect JSON from plain HTTP clients) go on over HTTP/1.1 to
/// the service's HTTP/1.1 port, when it has one, instead of over h2c to its gRPC port: the same
/// protocol on both legs, and the cheaper one. The HTTP/2 client behind the proxy costs about a
/// millisecond more per call on the development machine than its HTTP/1.1 client (see the gateway
/// benchmark). gRPC never arrives over HTTP/1.1 (<see cref="Calls.GrpcNeedsHttp2"/>); HTTP/2 calls
/// keep the h2c route.
/// </summary>
public static class Http1Upstream
{
    public static void Apply(TransformBuilderContext context, IEnumerable<BackendService> backends)
    {
        var http = backends.FirstOrDefault(b => b.Name == context.Cluster?.ClusterId)?.Http;
        if (http is null) return;
        var prefix = http.GetLeftPart(UriPartial.Authority);
        context.AddRequestTransform(transform =>
        {
            var protocol = transform.HttpContext.Request.Protocol;
            if (!HttpProtocol.IsHttp11(protocol) && !HttpProtocol.IsHttp10(protocol)) return ValueTask.CompletedTask;
            transform.ProxyRequest.Version = HttpVersion.Version11;
            transform.ProxyRequest.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            // Set here, the address is not built from the cluster's (h2c) destination afterwards.
            transform.ProxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(prefix, transform.Path, transform.Query.QueryString);
            return ValueTask.CompletedTask;
        });
    }
}
