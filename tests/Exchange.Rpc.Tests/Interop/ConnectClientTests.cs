namespace Exchange.Rpc.Tests.Interop;

/// <summary>
/// The Connect cases, played by connect-node against our server: over HTTP/1.1 on the HTTP/1.1
/// port, and over HTTP/2 with prior knowledge on the h2c port; and the same cases (binary) over
/// connect-node's gRPC-Web transport.
/// </summary>
public sealed class ConnectClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string[] Cases =
    [
        "unary_json", "unary_binary", "error_json", "error_binary", "metadata",
        "server_streaming_json", "server_streaming_binary", "unimplemented", "timeout",
    ];

    public static TheoryData<string, string> CasesOverBothHttpVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var httpVersion in new[] { "1.1", "2" })
            foreach (var name in Cases) data.Add(name, httpVersion);
        return data;
    }

    public static TheoryData<string, string> GrpcWebCasesOverBothHttpVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var httpVersion in new[] { "1.1", "2" })
            foreach (var name in Cases.Where(c => !c.EndsWith("_json", StringComparison.Ordinal))) data.Add(name, httpVersion);
        return data;
    }

    [Theory]
    [MemberData(nameof(CasesOverBothHttpVersions))]
    public Task Connect_node_client_passes(string interopCase, string httpVersion) =>
        InteropScripts.AssertPassesAsync("connect-client.mjs", BaseUrl(httpVersion), httpVersion, interopCase);

    [Theory]
    [MemberData(nameof(GrpcWebCasesOverBothHttpVersions))]
    public Task Connect_node_grpc_web_client_passes(string interopCase, string httpVersion) =>
        InteropScripts.AssertPassesAsync("connect-client.mjs", BaseUrl(httpVersion), httpVersion, interopCase, "grpc-web");

    private string BaseUrl(string httpVersion) =>
        (httpVersion == "2" ? fixture.Server.H2Address : fixture.Server.Http1Address).ToString().TrimEnd('/');
}
