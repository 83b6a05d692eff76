using Microsoft.IdentityModel.Tokens;

namespace Exchange.Identity;

/// <summary>
/// The configuration section <c>Identity</c>. Services need the gateway's public key (PEM text or
/// a file); the gateway, and tests that mint tokens, need the private key. A folder of
/// development keys stands in for both on a developer's machine.
/// </summary>
public sealed class ExchangeIdentityOptions
{
    public const string Section = "Identity";
    public const string DefaultIssuer = "exchange-gateway";
    public const string DefaultAudience = "exchange-services";

    public string Issuer { get; set; } = DefaultIssuer;

    public string Audience { get; set; } = DefaultAudience;

    public string? PublicKeyPem { get; set; }

    public string? PublicKeyFile { get; set; }

    public string? PrivateKeyPem { get; set; }

    public string? PrivateKeyFile { get; set; }

    /// <summary>
    /// When no key is configured: the folder where <see cref="DevelopmentKeys.EnsureKeyPair"/>
    /// keeps (and on first use creates) a key pair, shared by the gateway and the services.
    /// </summary>
    public string? DevelopmentKeysFolder { get; set; }

    /// <summary>How far the clocks of gateway and service may disagree on a token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The key that validates tokens: the public key, or the one inside the private key.</summary>
    public ECDsaSecurityKey ReadValidationKey()
    {
        var publicPem = PublicKeyPem ?? ReadFile(PublicKeyFile);
        if (publicPem is not null) return IdentityKeys.FromPem(publicPem, "Identity:PublicKey");
        var privatePem = PrivateKeyPem ?? ReadFile(PrivateKeyFile);
        if (privatePem is not null) return IdentityKeys.PublicPart(IdentityKeys.FromPem(privatePem, "Identity:PrivateKey"));
        if (DevelopmentKeysFolder is not null) return IdentityKeys.FromPem(File.ReadAllText(DevelopmentKeys.EnsureKeyPair(DevelopmentKeysFolder).PublicKeyFile), "development key");
        throw new InvalidOperationException(
            "No key to validate bearer tokens: set Identity:PublicKeyPem or Identity:PublicKeyFile (the gateway's public key)");
    }

    /// <summary>The key that signs tokens (gateway and tests).</summary>
    public ECDsaSecurityKey ReadSigningKey()
    {
        var privatePem = PrivateKeyPem ?? ReadFile(PrivateKeyFile);
        if (privatePem is null && DevelopmentKeysFolder is not null)
            privatePem = File.ReadAllText(DevelopmentKeys.EnsureKeyPair(DevelopmentKeysFolder).PrivateKeyFile);
        if (privatePem is null)
            throw new InvalidOperationException("No key to sign bearer tokens: set Identity:PrivateKeyPem or Identity:PrivateKeyFile");
        var key = IdentityKeys.FromPem(privatePem, "Identity:PrivateKey");
        if (!IdentityKeys.HasPrivateKey(key))
            throw new InvalidOperationException("Identity:PrivateKey holds a public key; signing needs the private key");
        return key;
    }

    /// <summary>
    /// What a service accepts: ES256 signatures by <paramref name="validationKey"/> only, this
    /// issuer and audience, a lifetime that has started and not ended (within the clock skew).
    /// </summary>
    public TokenValidationParameters CreateValidationParameters(SecurityKey validationKey) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = validationKey,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        NameClaimType = ExchangeClaims.Subject,
        RoleClaimType = ExchangeClaims.Role,
        AuthenticationType = Authentication.BearerTokenHandler.SchemeName,
    };

    private static string? ReadFile(string? path) => string.IsNullOrEmpty(path) ? null : File.ReadAllText(path);
}
