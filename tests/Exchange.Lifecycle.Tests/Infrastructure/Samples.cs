using System.Security.Cryptography;
using System.Text;
using Exchange.Claims.V1;
using Exchange.Common.V1;
using Exchange.Contracts.Missions;
using Exchange.Projects.V1;

namespace Exchange.Lifecycle.Tests.Infrastructure;

/// <summary>Projects, activities and claim lines modelled on the programme's real cases.</summary>
public static class Samples
{
    public const string Hamamatsu = "hamamatsu-city";
    public const string Jena = "jena-city";
    public const string Suwa = "suwa-city";
    public const string Dalian = "dalian-city";

    public static readonly Caller HamamatsuBody = Caller.Body(Hamamatsu);
    public static readonly Caller JenaPartner = Caller.Partner(Jena);
    public static readonly Caller SuwaBody = Caller.Body(Suwa);

    public static readonly FundedParticipant AnnaWeber = new("Anna Weber", "optical engineer", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");

    /// <summary>Hamamatsu - Jena, optical appliances, planned FY2007-FY2009.</summary>
    public static RegisterProjectRequest HamamatsuJena() =>
        Registration("Hamamatsu - Jena optical appliances tie-up", "Hamamatsu city", "Shizuoka", Hamamatsu, "Hamamatsu City", "Jena", "DE", WorldArea.Europe, Jena, "Jena economic development");

    /// <summary>Suwa - Dalian, metal processing, planned FY2007-FY2009.</summary>
    public static RegisterProjectRequest SuwaDalian() =>
        Registration("Suwa - Dalian metal processing tie-up", "Suwa city", "Nagano", Suwa, "Suwa City", "Dalian", "CN", WorldArea.Asia, Dalian, "Dalian investment promotion bureau");

    public static readonly OverseasRegion Duesseldorf = new() { Name = "Duesseldorf", Country = "DE", WorldArea = WorldArea.Europe };

    /// <summary>What Missions publishes when a mission to Jena of <paramref name="days"/> days from <paramref name="start"/> is completed.</summary>
    public static ActivityCompleted MissionCompleted(string projectId, int fiscalYear, DateOnly start, int days, DateTimeOffset at) => new(
        Guid.NewGuid(), Guid.Parse(projectId), fiscalYear, "OverseasMission", "Outbound",
        start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), start.AddDays(days - 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        ["Jena, DE"], [AnnaWeber], 2, 3, at);

    /// <summary>Anna Weber's travel, with a receipt.</summary>
    public static ClaimLine Travel(string amount, DateOnly valueDate) => new()
    {
        Id = "travel",
        Category = "travel",
        Description = "Flight Tokyo - Frankfurt",
        Amount = new Money { Amount = amount, Currency = "JPY" },
        ValueDate = Date(valueDate),
        PersonKey = $"{AnnaWeber.OrganisationId}/{AnnaWeber.Name.ToLowerInvariant()}",
        Receipt = new Receipt { AttachmentId = $"att-{Guid.NewGuid():N}", Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()))) },
    };

    public static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Money Yen(long amount) => new() { Amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), Currency = "JPY" };

    /// <summary>A budget of the year: the overseas mission and the coordinators, with an own share above a third.</summary>
    public static SetBudgetRequest Budget(string projectId, int year) => new()
    {
        ProjectId = projectId,
        FiscalYear = year,
        Lines = { new BudgetLine { SupportTool = Exchange.Missions.V1.SupportTool.OverseasMission, ProgrammeShare = Yen(4_000_000), OwnShare = Yen(2_100_000) } },
        CoordinatorsProgrammeShare = Yen(1_500_000),
        CoordinatorsOwnShare = Yen(800_000),
    };

    public static CreateCoordinatorContractRequest JapanCoordinator(string projectId, int year) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        ProjectId = projectId,
        FiscalYear = year,
        Side = CoordinatorSide.Japan,
        Coordinator = new Coordinator { Name = "Kenji Sato", Organisation = "Shizuoka Industry Promotion", Country = "JP" },
        CommissionFee = Yen(1_200_000),
        TravelBudget = Yen(300_000),
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
            DomesticBody = new Organisation { Id = body, Name = bodyName, Country = "JP" },
            OverseasBodies = { new Organisation { Id = overseasBody, Name = overseasBodyName, Country = country } },
            PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2009 },
        };
        for (var i = 1; i <= 5; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"{region} SME {i}", Sme = true });
        request.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = $"{prefecture} university" });
        return request;
    }
}
