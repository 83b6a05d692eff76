using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Identity;

/// <summary>
/// Mints the short-lived ES256 bearer tokens that services accept: what the gateway hands out in
/// exchange for an API key, and what tests use to call services as a given caller.
/// </summary>
public sealed class TokenIssuer
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private readonly SigningCredentials _credentials;
    private readonly string _issuer;
    private readonly string _audience;
    private readonly TimeProvider _clock;
    private readonly JsonWebTokenHandler _handler = new();

    public TokenIssuer(ECDsaSecurityKey signingKey, string issuer, string audience, TimeProvider? clock = null)
    {
        if (!IdentityKeys.HasPrivateKey(signingKey))
            throw new ArgumentException("Signing needs the private key; this is a public key", nameof(signingKey));
        _credentials = new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256);
        _issuer = issuer;
        _audience = audience;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>An issuer with the signing key, issuer and audience of the <c>Identity</c> section.</summary>
    public static TokenIssuer FromOptions(ExchangeIdentityOptions options, TimeProvider? clock = null) =>
        new(options.ReadSigningKey(), options.Issuer, options.Audience, clock);

    public string Issue(ExchangePrincipal principal) => Issue(principal, DefaultLifetime);

    /// <summary>A token for <paramref name="principal"/>, valid from now for <paramref name="lifetime"/>.</summary>
    public string Issue(ExchangePrincipal principal, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "a token must live for some time");
        // JWT times have whole seconds; truncating keeps nbf from landing after the real now.
        var now = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().ToUnixTimeSeconds()).UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [ExchangeClaims.Subject] = principal.Subject,
            [ExchangeClaims.OrganisationId] = principal.OrganisationId,
            [ExchangeClaims.OrganisationName] = principal.OrganisationName,
            [ExchangeClaims.Role] = ExchangeClaims.RoleValue(principal.Role),
            [ExchangeClaims.TokenId] = Guid.NewGuid().ToString("N"),
        };
        if (principal.ProjectIds.Count > 0) claims[ExchangeClaims.Projects] = principal.ProjectIds.Order(StringComparer.Ordinal).ToArray();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = _audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = _credentials,
        });
    }
}
