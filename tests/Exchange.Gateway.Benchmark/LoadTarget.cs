namespace Exchange.Gateway.Benchmark;

/// <summary>
/// One way of making the same call: the address, the protocol (gRPC over h2c, or Connect JSON
/// over HTTP/1.1), the request body in a file and the headers it needs (a bearer token directly,
/// an API key through the gateway).
/// </summary>
public sealed record LoadTarget(string Route, string Protocol, Uri Url, string BodyFile, IReadOnlyList<string> Headers)
{
    public const string Direct = "direct";
    public const string Gateway = "gateway";
    public const string Relay = "TCP relay";
    public const string BareYarp = "bare YARP";
    public const string HaProxy = "HAProxy";
    public const string Compared = "compared";

    public bool Http1 => Protocol == "Connect JSON";

    public string Name => $"{Protocol}, {Route}";
}
