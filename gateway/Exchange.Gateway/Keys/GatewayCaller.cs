using Exchange.Identity;

namespace Exchange.Gateway.Keys;

/// <summary>
/// Who a call came from, once its key was accepted: for limits, the access log, and
/// <c>Session.GetCaller</c>, which tells the caller itself.
/// </summary>
public sealed record GatewayCaller(string KeyId, string OrganisationId, Role Role)
{
    public string RoleValue => ExchangeClaims.RoleValue(Role);

    /// <summary>What the key is for, as named when it was created.</summary>
    public string KeyName { get; init; } = "";

    public string OrganisationName { get; init; } = "";

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set when the call came with the secret a rotation replaced: when that secret stops working.</summary>
    public DateTimeOffset? PreviousSecretValidUntil { get; init; }
}
