using Exchange.Common.V1;
using Exchange.Projects.V1;

namespace Exchange.Testing;

/// <summary>
/// The two tie-ups the functional tests build on, modelled on the programme's real cases: their
/// organisations, callers from them, and their registrations. Hamamatsu and Jena take part in one,
/// Suwa and Dalian in the other, so that each pair is a stranger to the other's project.
/// </summary>
public static class TieUps
{
    public const string Hamamatsu = "hamamatsu-city";
    public const string Jena = "jena-city";
    public const string Suwa = "suwa-city";
    public const string Dalian = "dalian-city";

    public static readonly Caller HamamatsuBody = Caller.Body(Hamamatsu);
    public static readonly Caller JenaPartner = Caller.Partner(Jena);
    public static readonly Caller SuwaBody = Caller.Body(Suwa);
    public static readonly Caller DalianPartner = Caller.Partner(Dalian);

    /// <summary>Hamamatsu - Jena, optical appliances, Regional Industry Tie-up, planned FY2007-FY2009 unless told.</summary>
    public static RegisterProjectRequest HamamatsuJena(int firstYear = 2007, int lastYear = 2009) =>
        Registration("Hamamatsu - Jena optical appliances tie-up", "Hamamatsu city", "Shizuoka", Hamamatsu, "Hamamatsu City",
            "Jena", "DE", WorldArea.Europe, Jena, "Jena economic development", "Optical appliances", firstYear, lastYear);

    /// <summary>Suwa - Dalian, metal processing, Regional Industry Tie-up, planned FY2007-FY2009 unless told.</summary>
    public static RegisterProjectRequest SuwaDalian(int firstYear = 2007, int lastYear = 2009) =>
        Registration("Suwa - Dalian metal processing tie-up", "Suwa city", "Nagano", Suwa, "Suwa City",
            "Dalian", "CN", WorldArea.Asia, Dalian, "Dalian investment promotion bureau", "Metal processing", firstYear, lastYear);

    /// <summary>Five regional SMEs and a university of the prefecture as members.</summary>
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
            DomesticBody = new Organisation { Id = body, Name = bodyName, Country = "JP" },
            OverseasBodies = { new Organisation { Id = overseasBody, Name = overseasBodyName, Country = country } },
            PlannedPeriod = new FiscalYearRange { FirstYear = firstYear, LastYear = lastYear },
        };
        for (var i = 1; i <= 5; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"{region} SME {i}", Sme = true });
        request.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = $"{prefecture} university" });
        return request;
    }
}
