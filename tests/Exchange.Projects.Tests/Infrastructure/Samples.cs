using Exchange.Common.V1;
using Exchange.Projects.V1;

namespace Exchange.Projects.Tests.Infrastructure;

/// <summary>Registrations modelled on the programme's real projects.</summary>
public static class Samples
{
    public const string Hamamatsu = "hamamatsu-city";
    public const string Jena = "jena-city";
    public const string Dresden = "dresden-city";

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
            DomesticBody = new Organisation { Id = Hamamatsu, Name = "Hamamatsu City", Country = "JP" },
            OverseasBodies = { new Organisation { Id = Jena, Name = "Jena economic development", Country = "DE" } },
            PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2009 },
        };
        for (var i = 1; i <= smes; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"Hamamatsu optics SME {i}", Sme = true });
        for (var i = 1; i <= others; i++) request.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = $"Shizuoka university {i}" });
        return request;
    }
}
