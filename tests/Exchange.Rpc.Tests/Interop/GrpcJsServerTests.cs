namespace Exchange.Rpc.Tests.Interop;

/// <summary>
/// The grpc-js interop server must keep the semantics of our InteropTestService, since our client
/// and the benchmark rely on it: the grpc-js client's cases must pass against it too (all but
/// health, which it does not serve).
/// </summary>
public sealed class GrpcJsServerTests(GrpcJsServerFixture fixture) : IClassFixture<GrpcJsServerFixture>
{
    [Theory]
    [InlineData("empty_unary")]
    [InlineData("large_unary")]
    [InlineData("server_streaming")]
    [InlineData("custom_metadata")]
    [InlineData("status_code_and_message")]
    [InlineData("unimplemented_method")]
    [InlineData("unimplemented_service")]
    [InlineData("client_streaming_unimplemented")]
    [InlineData("timeout_on_sleeping_server")]
    [InlineData("cancel_after_first_response")]
    [InlineData("oversized_request")]
    [InlineData("gzip_request")]
    public Task Grpc_js_server_passes(string interopCase) =>
        InteropScripts.AssertPassesAsync("grpcjs-client.js", fixture.Address, interopCase);
}
