using Exchange.Identity;

namespace Exchange.Gateway.Keys;

/// <summary>
/// Who manages keys, and the keys it may manage. Admins manage every key. Coordinators onboard
/// implementation bodies and overseas partners, so they manage those keys, but not keys of their
/// own rank or above: no caller can mint a key more powerful than itself. Other callers manage none.
/// The command line runs on the gateway's host with its database, so it acts as an operator.
/// </summary>
public sealed record KeyAdministrator(string Name, Role? Role, IReadOnlySet<Role> ManagedRoles)
{
    public const string Rule = "key-management";

    private static readonly IReadOnlySet<Role> Every = new HashSet<Role>(Enum.GetValues<Role>());
    private static readonly IReadOnlySet<Role> PartiesOnly = new HashSet<Role> { Identity.Role.ImplementationBody, Identity.Role.OverseasPartner };
    private static readonly IReadOnlySet<Role> None = new HashSet<Role>();

    public static KeyAdministrator Operator { get; } = new("command line", null, Every);

    public static KeyAdministrator For(ExchangePrincipal caller) => new(
        $"{caller.Subject} ({caller.OrganisationId})",
        caller.Role,
        caller.Role switch
        {
            Identity.Role.Admin => Every,
            Identity.Role.Coordinator => PartiesOnly,
            _ => None,
        });

    public bool MayManage(Role role) => ManagedRoles.Contains(role);
}
