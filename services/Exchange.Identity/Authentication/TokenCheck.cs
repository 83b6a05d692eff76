using System.Security.Claims;

namespace Exchange.Identity.Authentication;

/// <summary>The outcome of checking one bearer token: the caller, or why it was refused.</summary>
public sealed record TokenCheck(ClaimsIdentity? Identity, ExchangePrincipal? Caller, string? Failure)
{
    public bool IsValid => Failure is null;

    public static TokenCheck Accepted(ClaimsIdentity identity, ExchangePrincipal caller) => new(identity, caller, null);

    public static TokenCheck Refused(string reason) => new(null, null, reason);
}
