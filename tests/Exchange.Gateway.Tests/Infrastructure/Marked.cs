using Exchange.Common.V1;
using Exchange.Missions.V1;
using Exchange.Projects.V1;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>
/// Registrations and activities of the tie-ups of <see cref="TieUps"/>, each marked so that a test
/// finds what it made among what other tests made on the same platform.
/// </summary>
public static class Marked
{
    /// <summary>Hamamatsu - Jena, optical appliances, planned FY2007-FY2009.</summary>
    public static RegisterProjectRequest HamamatsuJena(string marker) => WithMarker(TieUps.HamamatsuJena(), marker);

    /// <summary>Suwa - Dalian, metal processing: a project the Hamamatsu and Jena callers take no part in.</summary>
    public static RegisterProjectRequest SuwaDalian(string marker) => WithMarker(TieUps.SuwaDalian(), marker);

    /// <summary>An invitation of prospective business partners to Hamamatsu in October 2007.</summary>
    public static PlanActivityRequest PartnerInvitation(string projectId, string marker) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        ProjectId = projectId,
        SupportTool = SupportTool.PartnerInvitation,
        Title = $"Invitation of Jena optics companies {marker}",
        Purpose = "Business meetings on optical components",
        StartDate = new Date { Year = 2007, Month = 10, Day = 15 },
        EndDate = new Date { Year = 2007, Month = 10, Day = 19 },
        Places = { new Place { Name = "Hamamatsu", Country = "JP" } },
    };

    public static PersonInput Delegate(string name, string marker) => new()
    {
        Name = name,
        Role = "engineer",
        Country = "DE",
        Funding = Funding.Programme,
        Organisation = new OrganisationRef { Name = $"Jena Optik {marker}", Country = "DE", Kind = OrganisationKind.Company },
    };

    private static RegisterProjectRequest WithMarker(RegisterProjectRequest registration, string marker)
    {
        registration.Title = $"{registration.Title} {marker}";
        return registration;
    }
}
