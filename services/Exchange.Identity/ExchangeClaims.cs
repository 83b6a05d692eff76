namespace Exchange.Identity;

/// <summary>
/// The claims of an Exchange bearer token, as the gateway writes them and services read them.
/// Registered JWT names where one exists; short private names otherwise.
/// </summary>
public static class ExchangeClaims
{
    /// <summary>The API key id or user the gateway authenticated.</summary>
    public const string Subject = "sub";

    /// <summary>The caller's organisation id, e.g. <c>suwa-city</c>.</summary>
    public const string OrganisationId = "org";

    /// <summary>The organisation's display name, e.g. <c>Suwa City</c>.</summary>
    public const string OrganisationName = "org_name";

    /// <summary>One of the role values below.</summary>
    public const string Role = "role";

    /// <summary>The ids of the projects the organisation is a party to (a JSON array; may be absent).</summary>
    public const string Projects = "projects";

    /// <summary>The token's unique id.</summary>
    public const string TokenId = "jti";

    public const string ImplementationBodyRole = "implementation-body";
    public const string OverseasPartnerRole = "overseas-partner";
    public const string CoordinatorRole = "coordinator";
    public const string AdminRole = "admin";

    public static string RoleValue(Identity.Role role) => role switch
    {
        Identity.Role.ImplementationBody => ImplementationBodyRole,
        Identity.Role.OverseasPartner => OverseasPartnerRole,
        Identity.Role.Coordinator => CoordinatorRole,
        Identity.Role.Admin => AdminRole,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role of the programme"),
    };

    public static bool TryParseRole(string? value, out Identity.Role role)
    {
        switch (value)
        {
            case ImplementationBodyRole: role = Identity.Role.ImplementationBody; return true;
            case OverseasPartnerRole: role = Identity.Role.OverseasPartner; return true;
            case CoordinatorRole: role = Identity.Role.Coordinator; return true;
            case AdminRole: role = Identity.Role.Admin; return true;
            default: role = default; return false;
        }
    }
}
