namespace Exchange.Rpc.Server;

internal static class HttpProtocol
{
    public static bool IsHttp2(string protocol) =>
        ReferenceEquals(protocol, Microsoft.AspNetCore.Http.HttpProtocol.Http2)
        || string.Equals(protocol, Microsoft.AspNetCore.Http.HttpProtocol.Http2, StringComparison.Ordinal)
        || string.Equals(protocol, Microsoft.AspNetCore.Http.HttpProtocol.Http3, StringComparison.Ordinal);
}
