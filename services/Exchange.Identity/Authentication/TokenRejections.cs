namespace Exchange.Identity.Authentication;

/// <summary>
/// Why a call was refused, in the words callers see in <c>grpc-message</c> or the Connect error.
/// Precise enough to fix a client, never echoing the token.
/// </summary>
public static class TokenRejections
{
    public const string Missing = "missing bearer token";
    public const string NotBearer = "the authorization header does not carry a bearer token";
    public const string Malformed = "malformed token";
    public const string Expired = "token expired";
    public const string NotYetValid = "token not yet valid";
    public const string NoExpiry = "token has no expiry";
    public const string WrongIssuer = "token issuer not accepted";
    public const string WrongAudience = "token audience not accepted";
    public const string InvalidSignature = "invalid signature";
    public const string Unsigned = "unsigned token (alg none) not accepted";
    public const string NotAnExchangeCaller = "token lacks the subject, organisation or role of an Exchange caller";
    public const string Invalid = "invalid token";

    public static string AlgorithmNotAccepted(string algorithm) =>
        $"signing algorithm '{algorithm}' not accepted; tokens must be signed with ES256";
}
