using Exchange.Identity;

namespace Exchange.Testing;

/// <summary>Who calls: an organisation in a role.</summary>
public sealed record Caller(Role Role, string OrganisationId)
{
    public static readonly Caller Coordinator = new(Role.Coordinator, "programme-office");

    public static Caller Body(string organisationId) => new(Role.ImplementationBody, organisationId);

    public static Caller Partner(string organisationId) => new(Role.OverseasPartner, organisationId);
}
