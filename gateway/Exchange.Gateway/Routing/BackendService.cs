namespace Exchange.Gateway.Routing;

/// <summary>
/// A service behind the gateway: calls whose path starts with <c>/&lt;Package&gt;.</c> go to
/// <see cref="Address"/> (its h2c port). <see cref="Http"/> is its HTTP/1.1 port, where calls that
/// arrive over HTTP/1.1 go (<see cref="Http1Upstream"/>) and health reads <c>/readyz</c>; without
/// it, those calls go to <see cref="Address"/> too and health asks <c>grpc.health.v1</c> there.
/// </summary>
public sealed record BackendService(string Name, string Package, Uri Address, Uri? Http)
{
    /// <summary>The path prefix of the service's RPCs, e.g. <c>/exchange.projects.v1.</c>.</summary>
    public string PathPrefix => $"/{Package}.";
}
