using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Identity.Authentication;

/// <summary>
/// Authenticates a request by the gateway-issued token in <c>Authorization: Bearer ...</c>.
/// No header means no result (the caller gate refuses it); a bad token fails with the reason.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<BearerTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<BearerTokenOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0) return AuthenticateResult.NoResult();
        if (header.Equals(SchemeName, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail(TokenRejections.Missing);
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail(TokenRejections.NotBearer);
        var token = header[Prefix.Length..].Trim();

        var validator = Options.Validator
            ?? throw new InvalidOperationException("The bearer token scheme has no validator: register it with AddExchangeIdentity");
        var check = await validator.ValidateAsync(token).ConfigureAwait(false);
        if (check.Failure is { } reason)
        {
            Logger.LogDebug("Bearer token refused: {Reason}", reason);
            return AuthenticateResult.Fail(reason);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(check.Identity!), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
