using Exchange.Common.V1;
using Exchange.Projects.V1;

namespace Exchange.Projects.Tests.Infrastructure;

/// <summary>
/// Registrations modelled on the programme's real projects, as the Projects rules judge them: the
/// tie-ups' organisations of <see cref="TieUps"/>, with as many members of each kind as a test needs.
/// </summary>
public static class Samples
{
    public const string Dresden = "dresden-city";
    public const string Shimane = "shimane-pref";
    public const string Texas = "texas-partners";

    /// <summary>Hamamatsu - Jena, optical appliances, Regional Industry Tie-up, planned FY2007-FY2009.</summary>
    public static RegisterProjectRequest HamamatsuJena(int smes = 5, int others = 2, string? requestId = null)
    {
        var request = new RegisterProjectRequest
        {
            RequestId = requestId ?? Guid.NewGuid().ToString("N"),
            Programme = Programme.RegionalIndustryTieUp,
            Title = "Hamamatsu - Jena optical appliances tie-up",
            DomesticRegion = new DomesticRegion { Name = "Hamamatsu city", Prefecture = "Shizuoka", Bureau = RegionalBureau.Kanto },
            OverseasRegions = { new OverseasRegion { Name = "Jena", Country = "DE", WorldArea = WorldArea.Europe } },
            Sector = Sector.MetalMechanical,
            Theme = "Optical appliances",
            DomesticBody = new Organisation { Id = TieUps.Hamamatsu, Name = "Hamamatsu City", Country = "JP" },
            OverseasBodies = { new Organisation { Id = TieUps.Jena, Name = "Jena economic development", Country = "DE" } },
            PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2009 },
        };
        for (var i = 1; i <= smes; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"Hamamatsu optics SME {i}", Sme = true });
        for (var i = 1; i <= others; i++) request.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = $"Shizuoka university {i}" });
        return request;
    }

    /// <summary>The same tie-up planned for other fiscal years (the rulebook is per fiscal year).</summary>
    public static RegisterProjectRequest HamamatsuJenaFor(int firstYear, int lastYear, int smes = 5, int others = 2)
    {
        var request = HamamatsuJena(smes, others);
        request.PlannedPeriod = new FiscalYearRange { FirstYear = firstYear, LastYear = lastYear };
        return request;
    }

    /// <summary>Shimane - Texas, precision machinery, Region-to-Region, planned FY2004-FY2007; no SME rules then.</summary>
    public static RegisterProjectRequest ShimaneTexas() => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        Programme = Programme.RegionToRegion,
        Title = "Shimane - Texas precision machinery exchange",
        DomesticRegion = new DomesticRegion { Name = "Shimane Prefecture", Prefecture = "Shimane", Bureau = RegionalBureau.Chugoku },
        OverseasRegions = { new OverseasRegion { Name = "Texas", Country = "US", WorldArea = WorldArea.NorthAmerica } },
        Sector = Sector.MetalMechanical,
        Theme = "Precision machinery",
        DomesticBody = new Organisation { Id = Shimane, Name = "Shimane Prefecture", Country = "JP" },
        OverseasBodies = { new Organisation { Id = Texas, Name = "Texas economic development partners", Country = "US" } },
        Members =
        {
            new Member { ActorType = ActorType.PrefecturalGovernment, OrganisationName = "Shimane Prefecture" },
            new Member { ActorType = ActorType.RegionalCompany, OrganisationName = "Shimane precision works", Sme = true },
        },
        PlannedPeriod = new FiscalYearRange { FirstYear = 2004, LastYear = 2007 },
    };
}
