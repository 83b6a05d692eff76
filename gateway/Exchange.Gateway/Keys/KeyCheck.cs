using System.Security.Claims;

namespace Exchange.Gateway.Keys;

/// <summary>The outcome of checking a presented key: the caller and its token, or why it was refused.</summary>
public sealed class KeyCheck
{
    private KeyCheck(GatewayCaller? caller, ClaimsPrincipal? user, string? token, string? failure)
    {
        Caller = caller;
        User = user;
        Token = token;
        Failure = failure;
    }

    public GatewayCaller? Caller { get; }

    public ClaimsPrincipal? User { get; }

    /// <summary>The bearer token forwarded to the services in place of the key.</summary>
    public string? Token { get; }

    /// <summary>Why the key was refused, in words the caller sees; null when accepted.</summary>
    public string? Failure { get; }

    public bool IsAccepted => Failure is null;

    internal static KeyCheck Accepted(KnownKey key) => new(key.Caller, key.User, key.Token, null);

    public static KeyCheck Refused(string reason) => new(null, null, null, reason);
}
