using System.Net;
using System.Text.Json;
using Exchange.Identity.Authentication;
using Exchange.Identity.Testing;

namespace Exchange.Identity.Tests;

/// <summary>Connect callers through a real host: HTTP 401 with Connect's JSON error when the token is not valid.</summary>
public sealed class ConnectCallerTests(InteropHostFixture fixture) : IClassFixture<InteropHostFixture>
{
    private const string Unary = "/exchange.interop.v1.InteropTest/UnaryCall";
    private readonly HttpClient _http1 = Wire.Http1Client();

    [Fact]
    public async Task A_call_with_a_valid_token_reaches_the_handler()
    {
        using var response = await _http1.SendAsync(Wire.Connect(fixture.Host.Http1Address, Unary, """{"text":"Hamamatsu-Jena"}""",
            TestTokens.AuthorizationFor(Role.OverseasPartner, "jena-city", "hamamatsu-jena")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Hamamatsu-Jena", json.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [MemberData(nameof(BadTokens.Names), MemberType = typeof(BadTokens))]
    public async Task A_call_without_a_valid_token_is_401_with_the_connect_error(string token)
    {
        var (authorization, reason) = BadTokens.Cases[token];
        using var response = await _http1.SendAsync(Wire.Connect(fixture.Host.Http1Address, Unary, "{}", authorization()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unauthenticated", json.RootElement.GetProperty("code").GetString());
        Assert.Equal(reason, json.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Connect_over_http2_and_in_binary_is_refused_the_same_way()
    {
        using var http2 = Wire.H2Client();
        using var request = Wire.Connect(fixture.Host.H2Address, Unary, "", null, "application/proto");
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        using var response = await http2.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unauthenticated", json.RootElement.GetProperty("code").GetString());
        Assert.Equal(TokenRejections.Missing, json.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_connect_stream_without_a_token_ends_with_an_end_of_stream_error()
    {
        using var response = await _http1.SendAsync(Wire.Connect(fixture.Host.Http1Address,
            "/exchange.interop.v1.InteropTest/StreamingOutputCall", "", null, "application/connect+json"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/connect+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0x02, body[0]);
        Assert.Equal(body.Length - 5, (body[1] << 24) | (body[2] << 16) | (body[3] << 8) | body[4]);
        using var json = JsonDocument.Parse(body.AsMemory(5));
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("unauthenticated", error.GetProperty("code").GetString());
        Assert.Equal(TokenRejections.Missing, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Health_and_probes_stay_open_without_a_token()
    {
        using var check = await _http1.SendAsync(Wire.Connect(fixture.Host.Http1Address, "/grpc.health.v1.Health/Check", "{}", null));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("SERVING", await check.Content.ReadAsStringAsync());

        foreach (var probe in new[] { "/healthz", "/readyz" })
        {
            using var response = await _http1.GetAsync(new Uri(fixture.Host.Http1Address, probe));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Any_other_endpoint_is_closed_without_a_token()
    {
        using var refused = await _http1.GetAsync(new Uri(fixture.Host.Http1Address, "/status"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(TokenRejections.Missing, await refused.Content.ReadAsStringAsync());

        // Probes match exactly: a path that merely starts like one is not open.
        using var lookalike = await _http1.GetAsync(new Uri(fixture.Host.Http1Address, "/healthz-debug"));
        Assert.Equal(HttpStatusCode.Unauthorized, lookalike.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Host.Http1Address, "/status"));
        request.Headers.TryAddWithoutValidation("authorization", TestTokens.AuthorizationFor(Role.Coordinator, "programme-office"));
        using var admitted = await _http1.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }
}
