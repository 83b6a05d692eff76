using Exchange.Common.V1;
using Exchange.Missions.V1;
using Exchange.Projects.V1;

namespace Exchange.Missions.Tests.Infrastructure;

/// <summary>Projects, activities and people modelled on the programme's real cases.</summary>
public static class Samples
{
    public const string Hamamatsu = "hamamatsu-city";
    public const string Jena = "jena-city";
    public const string Suwa = "suwa-city";
    public const string Dalian = "dalian-city";

    /// <summary>Hamamatsu - Jena, optical appliances, Regional Industry Tie-up, planned FY2007-FY2009 unless told.</summary>
    public static RegisterProjectRequest HamamatsuJena(int firstYear = 2007, int lastYear = 2009) =>
        Registration("Hamamatsu - Jena optical appliances tie-up", "Hamamatsu city", "Shizuoka", Hamamatsu, "Hamamatsu City",
            "Jena", "DE", WorldArea.Europe, Jena, "Jena economic development", "Optical appliances", firstYear, lastYear);

    /// <summary>Suwa - Dalian, metal processing, a project the Hamamatsu and Jena callers take no part in.</summary>
    public static RegisterProjectRequest SuwaDalian(int firstYear = 2007, int lastYear = 2009) =>
        Registration("Suwa - Dalian metal processing tie-up", "Suwa city", "Nagano", Suwa, "Suwa City",
            "Dalian", "CN", WorldArea.Asia, Dalian, "Dalian investment promotion bureau", "Metal processing", firstYear, lastYear);

    /// <summary>An activity of <paramref name="days"/> days from <paramref name="start"/>, abroad or in Japan as its tool says.</summary>
    public static PlanActivityRequest Activity(string projectId, SupportTool tool, DateOnly start, int days = 5, int fiscalYear = 0)
    {
        var inJapan = tool is SupportTool.WorkshopInJapan or SupportTool.ExpertInvitation or SupportTool.PartnerInvitation;
        return new PlanActivityRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ProjectId = projectId,
            FiscalYear = fiscalYear,
            SupportTool = tool,
            Title = $"{tool} {start:yyyy-MM}",
            Purpose = "Business meetings on optical components",
            StartDate = Date(start),
            EndDate = Date(start.AddDays(days - 1)),
            Places = { inJapan ? new Place { Name = "Hamamatsu", Country = "JP" } : new Place { Name = "Jena", Country = "DE" } },
        };
    }

    public static PersonInput Person(string name, string organisation, Funding funding, string country = "DE", OrganisationKind kind = OrganisationKind.Company, string role = "engineer") => new()
    {
        Name = name,
        Role = role,
        Funding = funding,
        Organisation = new OrganisationRef { Name = organisation, Country = country, Kind = kind },
    };

    public static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    private static RegisterProjectRequest Registration(string title, string region, string prefecture, string body, string bodyName,
        string overseasRegion, string country, WorldArea area, string overseasBody, string overseasBodyName, string theme, int firstYear, int lastYear)
    {
        var request = new RegisterProjectRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Programme = Programme.RegionalIndustryTieUp,
            Title = title,
            DomesticRegion = new DomesticRegion { Name = region, Prefecture = prefecture, Bureau = RegionalBureau.Chubu },
            OverseasRegions = { new OverseasRegion { Name = overseasRegion, Country = country, WorldArea = area } },
            Sector = Sector.MetalMechanical,
            Theme = theme,
            DomesticBody = new Projects.V1.Organisation { Id = body, Name = bodyName, Country = "JP" },
            OverseasBodies = { new Projects.V1.Organisation { Id = overseasBody, Name = overseasBodyName, Country = country } },
            PlannedPeriod = new FiscalYearRange { FirstYear = firstYear, LastYear = lastYear },
        };
        for (var i = 1; i <= 5; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"{region} SME {i}", Sme = true });
        request.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = $"{prefecture} university" });
        return request;
    }
}
