using System.Security.Cryptography;
using Exchange.Gateway.Keys;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Identity;
using Exchange.Identity.Testing;
using Exchange.Interop.V1;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The gateway exchanges a caller's API key for the short-lived signed token the services
/// require, and the services, reached without the gateway, refuse every call that lacks one.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TokenExchangeTests(Platform platform)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Interop = InteropReflection.Descriptor.Services[0];

    [Fact]
    public async Task Services_get_a_short_lived_token_for_the_keys_organisation_and_role_and_never_the_key()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        ApiKeyText.TryParse(key, out var keyId);
        var correlation = Guid.NewGuid().ToString("N");
        using var rpc = new GatewayRpc(platform.Edge.RpcAddress, key);
        // A caller's own bearer token, however it was made, never reaches a service.
        var forged = TestTokens.AuthorizationFor(Role.Admin, "someone-else");
        await rpc.Call<Empty, Empty>(Interop, "EmptyCall", new Empty(),
            new Metadata().Add("x-correlation-id", correlation).Add("authorization", forged));

        var received = platform.Backend.Received[correlation];
        Assert.False(received.ContainsKey("x-api-key"));
        Assert.DoesNotContain(key, string.Join("\n", received.Values));
        var authorization = received["authorization"];
        Assert.StartsWith("Bearer ", authorization);
        Assert.NotEqual(forged, authorization);

        var token = authorization["Bearer ".Length..];
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, TestTokens.ValidationParameters);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = new JsonWebToken(token);
        Assert.Equal(ApiKeyValidator.Subject(keyId), jwt.Subject);
        Assert.Equal(TieUps.Jena, jwt.GetClaim(ExchangeClaims.OrganisationId).Value);
        Assert.Equal(ExchangeClaims.OverseasPartnerRole, jwt.GetClaim(ExchangeClaims.Role).Value);
        Assert.Equal("ES256", jwt.Alg);
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_service_reached_without_the_gateway_refuses_calls_that_lack_its_token()
    {
        var tieUp = await TieUp.StartAsync(platform);
        var key = platform.KeyOf(TieUps.HamamatsuBody);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherIssuer = new TokenIssuer(new ECDsaSecurityKey(otherKey), ExchangeIdentityOptions.DefaultIssuer, ExchangeIdentityOptions.DefaultAudience);
        var selfMade = otherIssuer.Issue(TestTokens.Principal(Role.ImplementationBody, TieUps.Hamamatsu));
        var cases = new (string Name, string? Value, string Reason)[]
        {
            ("authorization", null, "missing bearer token"),
            ("x-api-key", key, "missing bearer token"),
            ("authorization", $"ApiKey {key}", "the authorization header does not carry a bearer token"),
            ("authorization", $"Bearer {selfMade}", "invalid signature"),
        };
        using var direct = new GatewayRpc(platform.Projects.RpcAddress, null);
        var get = new GetProjectRequest { ProjectId = tieUp.Project.Id };
        foreach (var (name, value, reason) in cases)
        {
            var headers = new Metadata();
            if (value is not null) headers.Add(name, value);
            var refused = await Assert.ThrowsAsync<RpcException>(() => direct.Call<GetProjectRequest, Project>(TieUp.ProjectsService, "GetProject", get, headers));
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
            Assert.Equal(reason, refused.Status.Detail);
        }

        using var throughGateway = platform.Rpc(TieUps.HamamatsuBody);
        Assert.Equal(tieUp.Project.Id, (await throughGateway.Call<GetProjectRequest, Project>(TieUp.ProjectsService, "GetProject", get)).Id);
    }
}
