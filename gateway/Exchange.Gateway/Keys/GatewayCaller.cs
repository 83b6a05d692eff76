using Exchange.Identity;

namespace Exchange.Gateway.Keys;

/// <summary>Who a call came from, once its key was accepted: for limits and the access log.</summary>
public sealed record GatewayCaller(string KeyId, string OrganisationId, Role Role)
{
    public string RoleValue => ExchangeClaims.RoleValue(Role);
}
