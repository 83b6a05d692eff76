using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Exchange.Identity.Authentication;
using Exchange.Identity.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Identity.Tests;

/// <summary>
/// Authorization headers a service must refuse, each with the reason the caller must be told.
/// Everything except the defect under test is right, so that a case fails for its own reason.
/// </summary>
public static class BadTokens
{
    private static readonly ExchangePrincipal Caller = TestTokens.Principal(Role.ImplementationBody, "suwa-city", "suwa-dalian");

    public static readonly IReadOnlyDictionary<string, (Func<string?> Authorization, string Reason)> Cases =
        new Dictionary<string, (Func<string?>, string)>
        {
            ["missing"] = (() => null, TokenRejections.Missing),
            ["bearer without token"] = (() => "Bearer", TokenRejections.Missing),
            ["basic credentials"] = (() => "Basic c3V3YTpzZWNyZXQ=", TokenRejections.NotBearer),
            ["not a jwt"] = (() => "Bearer suwa-city-api-key", TokenRejections.Malformed),
            ["expired"] = (() => Bearer(Issuer(clock: FixedClock.At(TimeSpan.FromHours(-1))).Issue(Caller)), TokenRejections.Expired),
            ["not yet valid"] = (() => Bearer(Issuer(clock: FixedClock.At(TimeSpan.FromHours(1))).Issue(Caller)), TokenRejections.NotYetValid),
            ["wrong issuer"] = (() => Bearer(Issuer(issuer: "someone-else").Issue(Caller)), TokenRejections.WrongIssuer),
            ["wrong audience"] = (() => Bearer(Issuer(audience: "another-platform").Issue(Caller)), TokenRejections.WrongAudience),
            ["tampered payload"] = (() => Bearer(Tampered()), TokenRejections.InvalidSignature),
            ["signed with another key"] = (() => Bearer(Issuer(key: new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256))).Issue(Caller)), TokenRejections.InvalidSignature),
            ["alg none"] = (() => Bearer(Unsigned()), TokenRejections.Unsigned),
            ["HS256 with the public key as secret"] = (() => Bearer(SharedSecretSigned()), TokenRejections.AlgorithmNotAccepted("HS256")),
            ["unknown role"] = (() => Bearer(WithClaims(new() { ["sub"] = "k1", ["org"] = "suwa-city", ["role"] = "guest" })), TokenRejections.NotAnExchangeCaller),
        };

    public static TheoryData<string> Names => new(Cases.Keys);

    public static string Bearer(string token) => $"Bearer {token}";

    public static TokenIssuer Issuer(ECDsaSecurityKey? key = null, string? issuer = null, string? audience = null, TimeProvider? clock = null) =>
        new(key ?? TestTokens.SigningKey, issuer ?? ExchangeIdentityOptions.DefaultIssuer, audience ?? ExchangeIdentityOptions.DefaultAudience, clock);

    /// <summary>A valid token whose payload was then changed to claim another organisation.</summary>
    private static string Tampered()
    {
        var parts = TestTokens.Issuer.Issue(Caller).Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload[ExchangeClaims.OrganisationId] = "toyama-pref";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>A valid token's claims under an <c>alg: none</c> header and no signature.</summary>
    private static string Unsigned()
    {
        var parts = TestTokens.Issuer.Issue(Caller).Split('.');
        return $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.";
    }

    /// <summary>The key-confusion attack: HMAC with the (public) verification key as the secret.</summary>
    private static string SharedSecretSigned()
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestTokens.PublicKeyPem));
        return Signed(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256), Claims(Caller));
    }

    /// <summary>A token signed with the trusted key, valid now, carrying exactly <paramref name="claims"/>.</summary>
    public static string WithClaims(Dictionary<string, object> claims) =>
        Signed(new SigningCredentials(TestTokens.SigningKey, SecurityAlgorithms.EcdsaSha256), claims);

    private static string Signed(SigningCredentials credentials, Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ExchangeIdentityOptions.DefaultIssuer,
            Audience = ExchangeIdentityOptions.DefaultAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    private static Dictionary<string, object> Claims(ExchangePrincipal caller) => new()
    {
        [ExchangeClaims.Subject] = caller.Subject,
        [ExchangeClaims.OrganisationId] = caller.OrganisationId,
        [ExchangeClaims.Role] = ExchangeClaims.RoleValue(caller.Role),
    };
}
