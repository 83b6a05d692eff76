namespace Exchange.Rpc.Tests.Interop;

/// <summary>The standard gRPC interop cases, played by @grpc/grpc-js against our server.</summary>
public sealed class GrpcJsClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
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
    [InlineData("health_check")]
    [InlineData("health_watch")]
    public Task Grpc_js_client_passes(string interopCase) =>
        InteropScripts.AssertPassesAsync("grpcjs-client.js", $"127.0.0.1:{fixture.Server.H2Port}", interopCase);
}
