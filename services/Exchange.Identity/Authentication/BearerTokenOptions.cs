using Microsoft.AspNetCore.Authentication;

namespace Exchange.Identity.Authentication;

/// <summary>Options of the bearer token scheme; filled from the <c>Identity</c> section.</summary>
public sealed class BearerTokenOptions : AuthenticationSchemeOptions
{
    /// <summary>Set by <c>AddExchangeIdentity</c> from the configured public key.</summary>
    public BearerTokenValidator? Validator { get; set; }

    /// <summary>
    /// Paths that answer without a token: exact paths, or prefixes when they end with '/'.
    /// Health stays open so that orchestrators and load balancers can probe without credentials.
    /// </summary>
    public IList<string> OpenPaths { get; } = ["/grpc.health.v1.Health/", "/healthz", "/readyz"];
}
