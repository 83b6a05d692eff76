using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Exchange.Gateway.Routing;

/// <summary>
/// The connections to the services, on top of YARP's defaults: a short connect timeout, so that
/// a service that is down answers UNAVAILABLE quickly, and HTTP/2 pings, so that a dead
/// connection under a quiet stream is noticed without an idle timeout.
/// </summary>
internal sealed class BackendConnections(ILogger<ForwarderHttpClientFactory> logger, IOptions<ForwardingOptions> options)
    : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        var forwarding = options.Value;
        handler.ConnectTimeout = forwarding.ConnectTimeout;
        handler.KeepAlivePingDelay = forwarding.KeepAlivePingDelay;
        handler.KeepAlivePingTimeout = forwarding.KeepAlivePingTimeout;
        handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests;
    }
}
