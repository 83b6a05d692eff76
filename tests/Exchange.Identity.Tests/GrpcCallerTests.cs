using System.Net;
using Exchange.Identity.Testing;
using Exchange.Interop.V1;

namespace Exchange.Identity.Tests;

/// <summary>gRPC callers through a real h2c host: a valid token gets in, every bad one gets UNAUTHENTICATED.</summary>
public sealed class GrpcCallerTests(InteropHostFixture fixture) : IClassFixture<InteropHostFixture>
{
    private const string Unary = "/exchange.interop.v1.InteropTest/UnaryCall";
    private readonly HttpClient _http = Wire.H2Client();

    private Task<HttpResponseMessage> Call(string path, string? authorization) =>
        _http.SendAsync(Wire.Grpc(fixture.Host.H2Address, path, new SimpleRequest { Text = "Suwa-Dalian" }, authorization));

    [Fact]
    public async Task A_call_with_a_valid_token_reaches_the_handler()
    {
        using var response = await Call(Unary, TestTokens.AuthorizationFor(Role.ImplementationBody, "suwa-city", "suwa-dalian"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", Wire.GrpcStatus(response));
        Assert.Equal("Suwa-Dalian", SimpleResponse.Parser.ParseFrom(body.AsSpan(5).ToArray()).Text);
    }

    [Theory]
    [MemberData(nameof(BadTokens.Names), MemberType = typeof(BadTokens))]
    public async Task A_call_without_a_valid_token_is_unauthenticated_with_the_reason(string token)
    {
        var (authorization, reason) = BadTokens.Cases[token];
        using var response = await Call(Unary, authorization());
        var body = await response.Content.ReadAsByteArrayAsync();

        // Trailers-Only: HTTP 200, the status in the headers, no message and no trailers.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("16", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal(reason, Wire.GrpcMessage(response));
        Assert.Empty(body);
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task An_unknown_method_is_not_disclosed_to_a_caller_without_a_token()
    {
        using var response = await Call("/exchange.interop.v1.InteropTest/NoSuchMethod", null);
        Assert.Equal("16", Wire.GrpcStatus(response));
    }

    [Fact]
    public async Task A_server_streaming_call_without_a_token_is_unauthenticated()
    {
        using var response = await _http.SendAsync(Wire.Grpc(fixture.Host.H2Address,
            "/exchange.interop.v1.InteropTest/StreamingOutputCall", new StreamingRequest { ResponseSizes = { 1, 2 } }, null));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("16", Wire.GrpcStatus(response));
    }

    [Fact]
    public async Task Health_stays_open_without_a_token()
    {
        using var response = await _http.SendAsync(Wire.Grpc(fixture.Host.H2Address, "/grpc.health.v1.Health/Check",
            new Grpc.Health.V1.HealthCheckRequest(), null));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", Wire.GrpcStatus(response));
        var health = Grpc.Health.V1.HealthCheckResponse.Parser.ParseFrom(body.AsSpan(5).ToArray());
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
