using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Identity.Authentication;

/// <summary>
/// Checks a bearer token against the validation parameters and says plainly why one fails.
/// The algorithm is checked from the header before anything else, so that an unsigned token or
/// one signed with a shared secret (HS256, the classic key-confusion attack) is refused by
/// name whatever the library's own checks would make of it.
/// </summary>
public sealed class BearerTokenValidator(TokenValidationParameters parameters)
{
    private readonly JsonWebTokenHandler _handler = new();

    public TokenValidationParameters Parameters { get; } = parameters;

    public async Task<TokenCheck> ValidateAsync(string token)
    {
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return TokenCheck.Refused(TokenRejections.Malformed);
        }
        if (jwt.IsEncrypted) return TokenCheck.Refused(TokenRejections.Malformed);
        if (string.Equals(jwt.Alg, SecurityAlgorithms.None, StringComparison.OrdinalIgnoreCase))
            return TokenCheck.Refused(TokenRejections.Unsigned);
        if (!string.Equals(jwt.Alg, SecurityAlgorithms.EcdsaSha256, StringComparison.Ordinal))
            return TokenCheck.Refused(TokenRejections.AlgorithmNotAccepted(jwt.Alg));

        var result = await _handler.ValidateTokenAsync(jwt, Parameters).ConfigureAwait(false);
        if (!result.IsValid) return TokenCheck.Refused(Reason(result.Exception, jwt.Alg));

        var identity = result.ClaimsIdentity;
        var caller = ExchangePrincipal.From(new ClaimsPrincipal(identity));
        return caller is null
            ? TokenCheck.Refused(TokenRejections.NotAnExchangeCaller)
            : TokenCheck.Accepted(identity, caller);
    }

    /// <summary>The caller-facing reason for a validation exception (most specific types first).</summary>
    private static string Reason(Exception? exception, string algorithm) => exception switch
    {
        SecurityTokenExpiredException => TokenRejections.Expired,
        SecurityTokenNotYetValidException => TokenRejections.NotYetValid,
        SecurityTokenNoExpirationException => TokenRejections.NoExpiry,
        SecurityTokenInvalidIssuerException => TokenRejections.WrongIssuer,
        SecurityTokenInvalidAudienceException => TokenRejections.WrongAudience,
        SecurityTokenInvalidAlgorithmException => TokenRejections.AlgorithmNotAccepted(algorithm),
        SecurityTokenInvalidSignatureException => TokenRejections.InvalidSignature,
        SecurityTokenMalformedException or ArgumentException => TokenRejections.Malformed,
        _ => TokenRejections.Invalid,
    };
}
