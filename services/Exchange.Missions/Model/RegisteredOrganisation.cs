using Exchange.Missions.V1;

namespace Exchange.Missions.Model;

/// <summary>
/// An organisation that took part in an activity (a company, university, government body, an
/// expert in their own name), recorded once so that it recurs across activities and projects.
/// </summary>
public sealed class RegisteredOrganisation
{
    private RegisteredOrganisation()
    {
    }

    public string Id { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Country { get; private set; } = "";

    public OrganisationKind Kind { get; private set; }

    // Lower-case name and id, for case-insensitive search in SQL on both providers.
    public string SearchText { get; private set; } = "";

    public string RegisteredBy { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public static RegisteredOrganisation Register(OrganisationValue organisation, string registeredBy, DateTimeOffset now) => new()
    {
        Id = organisation.Id,
        Name = organisation.Name,
        Country = organisation.Country,
        Kind = organisation.Kind,
        SearchText = $"{organisation.Id} {organisation.Name}".ToLowerInvariant(),
        RegisteredBy = registeredBy,
        RegisteredAt = now,
    };

    public OrganisationValue ToValue() => new(Id, Name, Country, Kind);
}
