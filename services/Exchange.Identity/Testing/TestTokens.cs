using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Identity.Testing;

/// <summary>
/// Tokens for tests of any service: a key pair made in memory once per test process, an issuer
/// signing with it, and the settings that make a host under test trust it. The private key never
/// leaves the process, so nothing outside a test run can accept these tokens.
/// </summary>
public static class TestTokens
{
    private static readonly ECDsa KeyPair = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The private key, for tests that start a gateway or issue tokens themselves.</summary>
    public static ECDsaSecurityKey SigningKey { get; } = new(KeyPair);

    public static ECDsaSecurityKey PublicKey { get; } = IdentityKeys.PublicPart(SigningKey);

    public static string PublicKeyPem { get; } = IdentityKeys.PublicKeyPem(KeyPair);

    public static string PrivateKeyPem { get; } = IdentityKeys.PrivateKeyPem(KeyPair);

    public static TokenIssuer Issuer { get; } =
        new(SigningKey, ExchangeIdentityOptions.DefaultIssuer, ExchangeIdentityOptions.DefaultAudience);

    /// <summary>
    /// The <c>Identity</c> settings of a service under test, for <c>UseSetting</c>,
    /// <c>AddInMemoryCollection</c> or environment variables of a child process (':' as '__').
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [$"{ExchangeIdentityOptions.Section}:{nameof(ExchangeIdentityOptions.PublicKeyPem)}"] = PublicKeyPem,
        [$"{ExchangeIdentityOptions.Section}:{nameof(ExchangeIdentityOptions.Issuer)}"] = ExchangeIdentityOptions.DefaultIssuer,
        [$"{ExchangeIdentityOptions.Section}:{nameof(ExchangeIdentityOptions.Audience)}"] = ExchangeIdentityOptions.DefaultAudience,
    };

    /// <summary>What a service configured with <see cref="Settings"/> accepts.</summary>
    public static TokenValidationParameters ValidationParameters =>
        new ExchangeIdentityOptions().CreateValidationParameters(PublicKey);

    /// <summary>A caller: subject <c>test:{organisationId}</c>, organisation name = id.</summary>
    public static ExchangePrincipal Principal(Role role, string organisationId, params string[] projectIds) =>
        new(organisationId, organisationId, role, projectIds.ToHashSet(StringComparer.Ordinal), $"test:{organisationId}");

    /// <summary>A valid five-minute token for the caller.</summary>
    public static string For(Role role, string organisationId, params string[] projectIds) =>
        Issuer.Issue(Principal(role, organisationId, projectIds));

    /// <summary>The <c>authorization</c> header value carrying a token for the caller.</summary>
    public static string AuthorizationFor(Role role, string organisationId, params string[] projectIds) =>
        $"Bearer {For(role, organisationId, projectIds)}";
}
