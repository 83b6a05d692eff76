using Exchange.Identity;

namespace Exchange.Testing;

/// <summary>Who calls: an organisation in a role, or nobody (no token at all).</summary>
public sealed record Caller(Role? Role, string OrganisationId)
{
    public static readonly Caller Coordinator = new(Identity.Role.Coordinator, "programme-office");

    public static readonly Caller Admin = new(Identity.Role.Admin, "platform-admin");

    public static readonly Caller Anonymous = new(null, "");

    public static Caller Body(string organisationId) => new(Identity.Role.ImplementationBody, organisationId);

    public static Caller Partner(string organisationId) => new(Identity.Role.OverseasPartner, organisationId);

    /// <summary>The call's metadata: a test token for the role, none for <see cref="Anonymous"/>.</summary>
    public Exchange.Rpc.Metadata Headers()
    {
        var headers = new Exchange.Rpc.Metadata();
        if (Role is { } role) headers.Add("authorization", Identity.Testing.TestTokens.AuthorizationFor(role, OrganisationId));
        return headers;
    }
}
