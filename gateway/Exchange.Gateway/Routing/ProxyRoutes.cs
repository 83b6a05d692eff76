using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Exchange.Gateway.Routing;

/// <summary>
/// YARP's routes and clusters: one of each per service. A route takes every POST whose path is
/// <c>/&lt;package&gt;.&lt;Service&gt;/&lt;Method&gt;</c>; its cluster speaks HTTP/2 only
/// (h2c to the services' gRPC ports: prior knowledge, never a downgrade to HTTP/1.1, which cannot
/// carry gRPC's trailers), and lets quiet streams live.
/// </summary>
public static class ProxyRoutes
{
    public static IReadOnlyList<RouteConfig> Routes(IEnumerable<BackendService> services) =>
        services.Select(service => new RouteConfig
        {
            RouteId = service.Name,
            ClusterId = service.Name,
            Match = new RouteMatch { Path = $"/{service.Package}.{{service}}/{{method}}", Methods = ["POST"] },
        }).ToList();

    public static IReadOnlyList<ClusterConfig> Clusters(IEnumerable<BackendService> services, ForwardingOptions forwarding) =>
        services.Select(service => new ClusterConfig
        {
            ClusterId = service.Name,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service.Name] = new() { Address = service.Address.ToString() },
            },
            HttpRequest = new ForwarderRequestConfig
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                ActivityTimeout = forwarding.ActivityTimeout,
            },
            HttpClient = new HttpClientConfig
            {
                // A service's connection holds at most ~100 concurrent streams; open more when full.
                EnableMultipleHttp2Connections = true,
            },
        }).ToList();
}
