using Exchange.Identity.Testing;
using Exchange.Interop.V1;

namespace Exchange.Identity.Tests;

/// <summary>What a handler sees of its caller: <c>context.Caller()</c> and the access rules over the wire.</summary>
public sealed class CallerTests
{
    private const string Unary = "/exchange.interop.v1.InteropTest/UnaryCall";
    private readonly HttpClient _http = Wire.H2Client();

    private async Task<(string? Status, string? Message, SimpleResponse? Response)> CallAsync(IdentityHost host, string text, string? authorization)
    {
        using var response = await _http.SendAsync(Wire.Grpc(host.H2Address, Unary, new SimpleRequest { Text = text }, authorization));
        var body = await response.Content.ReadAsByteArrayAsync();
        var message = body.Length > 5 ? SimpleResponse.Parser.ParseFrom(body.AsSpan(5).ToArray()) : null;
        return (Wire.GrpcStatus(response), Wire.GrpcMessage(response), message);
    }

    [Fact]
    public async Task The_handler_sees_the_caller_the_gateway_vouched_for()
    {
        await using var host = await IdentityHost.StartAsync<CallerEchoService>();
        var token = TestTokens.Issuer.Issue(new ExchangePrincipal("suwa-city", "Suwa City", Role.ImplementationBody,
            new HashSet<string> { "suwa-dalian", "suwa-jena" }, "key-17"));

        var (status, _, response) = await CallAsync(host, "hello", BadTokens.Bearer(token));

        Assert.Equal("0", status);
        Assert.Equal("key-17|suwa-city|Suwa City|ImplementationBody|suwa-dalian,suwa-jena", response!.Text);
    }

    [Fact]
    public async Task A_denied_change_reaches_the_caller_as_permission_denied_naming_the_rule()
    {
        await using var host = await IdentityHost.StartAsync<CallerEchoService>();

        var partner = await CallAsync(host, "suwa-dalian", TestTokens.AuthorizationFor(Role.OverseasPartner, "dalian-city", "suwa-dalian"));
        var stranger = await CallAsync(host, "suwa-dalian", TestTokens.AuthorizationFor(Role.ImplementationBody, "toyama-pref"));
        var owner = await CallAsync(host, "suwa-dalian", TestTokens.AuthorizationFor(Role.ImplementationBody, "suwa-city"));

        Assert.Equal("7", partner.Status);
        Assert.StartsWith("project-change: organisation 'dalian-city' is an overseas partner of project suwa-dalian", partner.Message);
        Assert.Equal("7", stranger.Status);
        Assert.Equal("project-access: organisation 'toyama-pref' is not a party to project suwa-dalian", stranger.Message);
        Assert.Equal("0", owner.Status);
    }

    [Fact]
    public async Task Caller_is_unauthenticated_on_a_host_without_the_identity_block()
    {
        await using var host = await IdentityHost.StartAsync<CallerEchoService>(identity: false);

        var (status, message, _) = await CallAsync(host, "hello", TestTokens.AuthorizationFor(Role.Coordinator, "programme-office"));

        Assert.Equal("16", status);
        Assert.StartsWith("no authenticated caller", message);
    }
}
