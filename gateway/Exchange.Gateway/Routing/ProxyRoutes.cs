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
    /// <summary>Route metadata marking a route whose calls need no API key (see <see cref="OpenServices"/>).</summary>
    public const string OpenToAnyoneKey = "Exchange.OpenToAnyone";

    /// <summary>
    /// Services whose credential is in the request itself, so that the gateway lets them through
    /// without an API key: survey respondents answer with their invitation token.
    /// </summary>
    public static readonly string[] OpenServices = ["exchange.surveys.v1.SurveyResponses"];

    public static IReadOnlyList<RouteConfig> Routes(IEnumerable<BackendService> services) =>
        services.SelectMany(service => OpenServices
            .Where(open => open.StartsWith(service.Package + ".", StringComparison.Ordinal))
            .Select(open => new RouteConfig
            {
                RouteId = $"{service.Name}-{open}",
                ClusterId = service.Name,
                // Before the package's route, which matches the same paths.
                Order = -1,
                Match = new RouteMatch { Path = $"/{open}/{{method}}", Methods = ["POST"] },
                Metadata = new Dictionary<string, string> { [OpenToAnyoneKey] = "true" },
            })
            .Append(new RouteConfig
            {
                RouteId = service.Name,
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"/{service.Package}.{{service}}/{{method}}", Methods = ["POST"] },
            })).ToList();

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
