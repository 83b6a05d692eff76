using System.Net;
using System.Text.Json;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Identity;

namespace Exchange.Gateway.Tests;

/// <summary>
/// A service that is down answers UNAVAILABLE with a message, in the caller's protocol, never a
/// bare 502; the health endpoint reports every configured service, the broker and the key store.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HealthAndOutageTests(Platform platform)
{
    [Fact]
    public async Task A_service_that_is_down_answers_unavailable_with_a_message()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        using var h2 = RawGrpc.H2Client();
        var grpc = await RawGrpc.Send(h2, RawGrpc.Request(platform.Edge.RpcAddress, "/exchange.claims.v1.Claims/GetClaim", new ByteArrayContent(RawGrpc.Frame([])), key));
        Assert.Equal(HttpStatusCode.OK, grpc.HttpStatus);
        Assert.Equal("14", grpc.GrpcStatus);
        Assert.Equal("the claims service is unavailable: it could not be reached; try again shortly", grpc.GrpcMessage);
        Assert.Empty(grpc.Body);

        using var json = new ConnectJson(platform.Edge.HttpAddress);
        var connect = await json.Post("/exchange.claims.v1.Claims/GetClaim", """{"claimId":"c-1"}""", key);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "unavailable"), (connect.Status, connect.ErrorCode));
        Assert.Equal("the claims service is unavailable: it could not be reached; try again shortly", connect.ErrorMessage);
        Assert.DoesNotContain(platform.DeadClaims.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), connect.Body);

        // The gateway keeps serving the services that are up.
        var up = await json.Post("/exchange.interop.v1.InteropTest/EmptyCall", "{}", key);
        Assert.Equal(HttpStatusCode.OK, up.Status);
    }

    [Fact]
    public async Task Health_reports_every_service_the_broker_and_the_key_store_without_a_key()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(platform.Gateway.HttpAddress, "/healthz"));
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Equal("ok", report.GetProperty("status").GetString());
        var services = report.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["missions", "projects"], services.Keys.Order());
        foreach (var service in services.Values)
        {
            Assert.Equal("ready", service.GetProperty("status").GetString());
            Assert.Equal("Serving", service.GetProperty("checks").GetProperty("database").GetString());
            Assert.Equal("Serving", service.GetProperty("checks").GetProperty("broker").GetString());
        }
        Assert.Equal("reachable", report.GetProperty("broker").GetProperty("status").GetString());
        Assert.Equal("ready", report.GetProperty("keyStore").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_degraded_while_a_service_is_down()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(platform.Edge.HttpAddress, "/healthz"));
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("degraded", report.GetProperty("status").GetString());
        var claims = report.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "claims");
        Assert.Equal("unreachable", claims.GetProperty("status").GetString());
        Assert.Equal("reachable", report.GetProperty("broker").GetProperty("status").GetString());
    }
}
