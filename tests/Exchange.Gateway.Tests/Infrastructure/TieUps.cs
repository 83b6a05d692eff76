using Exchange.Common.V1;
using Exchange.Missions.V1;
using Exchange.Projects.V1;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>Registrations and activities modelled on the programme's real cases, each marked so that a test finds what it made.</summary>
public static class TieUps
{
    public const string Hamamatsu = "hamamatsu-city";
    public const string Jena = "jena-city";
    public const string Suwa = "suwa-city";
    public const string Dalian = "dalian-city";

    /// <summary>Hamamatsu - Jena, optical appliances, planned FY2007-FY2009.</summary>
    public static RegisterProjectRequest HamamatsuJena(string marker) =>
        Registration($"Hamamatsu - Jena optical appliances tie-up {marker}", "Hamamatsu city", "Shizuoka", Hamamatsu, "Hamamatsu City",
            "Jena", "DE", WorldArea.Europe, Jena, "Jena economic development");

    /// <summary>Suwa - Dalian, metal processing: a project the Hamamatsu and Jena callers take no part in.</summary>
    public static RegisterProjectRequest SuwaDalian(string marker) =>
        Registration($"Suwa - Dalian metal processing tie-up {marker}", "Suwa city", "Nagano", Suwa, "Suwa City",
            "Dalian", "CN", WorldArea.Asia, Dalian, "Dalian investment promotion bureau");

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

    private static RegisterProjectRequest Registration(string title, string region, string prefecture, string body, string bodyName,
        string overseasRegion, string country, WorldArea area, string overseasBody, string overseasBodyName)
    {
        var request = new RegisterProjectRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Programme = Programme.RegionalIndustryTieUp,
            Title = title,
            DomesticRegion = new DomesticRegion { Name = region, Prefecture = prefecture, Bureau = RegionalBureau.Chubu },
            OverseasRegions = { new OverseasRegion { Name = overseasRegion, Country = country, WorldArea = area } },
            Sector = Sector.MetalMechanical,
            Theme = "Optical appliances",
            DomesticBody = new Projects.V1.Organisation { Id = body, Name = bodyName, Country = "JP" },
            OverseasBodies = { new Projects.V1.Organisation { Id = overseasBody, Name = overseasBodyName, Country = country } },
            PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2009 },
        };
        for (var i = 1; i <= 5; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"{region} SME {i}", Sme = true });
        request.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = $"{prefecture} university" });
        return request;
    }
}
