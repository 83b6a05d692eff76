using System.Security.Cryptography;
using System.Text;
using Exchange.Claims.V1;
using Exchange.Common.V1;
using Exchange.Contracts.Missions;
using Exchange.Missions.V1;
using Exchange.Projects.V1;

namespace Exchange.Claims.Tests.Infrastructure;

/// <summary>Projects, activities, people and claim lines modelled on the programme's real cases.</summary>
public static class Samples
{
    public const string Hamamatsu = "hamamatsu-city";
    public const string Jena = "jena-city";
    public const string Suwa = "suwa-city";
    public const string Dalian = "dalian-city";

    public static readonly Caller HamamatsuBody = Caller.Body(Hamamatsu);
    public static readonly Caller JenaPartner = Caller.Partner(Jena);
    public static readonly Caller SuwaBody = Caller.Body(Suwa);

    /// <summary>Funded people of Jena companies, as Missions reports them.</summary>
    public static readonly FundedParticipant AnnaWeber = new("Anna Weber", "optical engineer", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");
    public static readonly FundedParticipant JonasKeller = new("Jonas Keller", "sales manager", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");
    public static readonly FundedParticipant MiaSchulz = new("Mia Schulz", "engineer", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");
    public static readonly FundedParticipant LukasBraun = new("Lukas Braun", "president", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");
    public static readonly FundedParticipant LiWei = new("Li Wei", "expert", "CN", "cn-dalian-machinery", "Dalian Machinery", "CN");

    public static string Key(FundedParticipant person) => $"{person.OrganisationId}/{person.Name.ToLowerInvariant()}";

    /// <summary>Hamamatsu - Jena, optical appliances, Regional Industry Tie-up, planned FY2007-FY2009.</summary>
    public static RegisterProjectRequest HamamatsuJena() =>
        Registration("Hamamatsu - Jena optical appliances tie-up", "Hamamatsu city", "Shizuoka", Hamamatsu, "Hamamatsu City",
            "Jena", "DE", WorldArea.Europe, Jena, "Jena economic development", "Optical appliances");

    /// <summary>Suwa - Dalian, metal processing, a project the Hamamatsu and Jena callers take no part in.</summary>
    public static RegisterProjectRequest SuwaDalian() =>
        Registration("Suwa - Dalian metal processing tie-up", "Suwa city", "Nagano", Suwa, "Suwa City",
            "Dalian", "CN", WorldArea.Asia, Dalian, "Dalian investment promotion bureau", "Metal processing");

    /// <summary>What Missions publishes when an activity of <paramref name="days"/> days from <paramref name="start"/> is completed.</summary>
    public static ActivityCompleted Completed(string projectId, Exchange.Missions.V1.SupportTool tool, DateOnly start, int days, params FundedParticipant[] funded) => new(
        Guid.NewGuid(), Guid.Parse(projectId), 2007, tool.ToString(), tool is Exchange.Missions.V1.SupportTool.OverseasMission ? "Outbound" : "Inbound",
        start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), start.AddDays(days - 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        ["Jena, DE"], funded, 2, 3, DateTimeOffset.UtcNow);

    /// <summary>A line with a receipt whose hash derives from <paramref name="receipt"/> (the line id unless given).</summary>
    public static ClaimLine Line(string id, string category, string amount, string currency, DateOnly valueDate, FundedParticipant? person = null, string? receipt = null, string description = "") => new()
    {
        Id = id,
        Category = category,
        Description = description.Length > 0 ? description : $"{category} {id}",
        Amount = new Exchange.Common.V1.Money { Amount = amount, Currency = currency },
        ValueDate = Date(valueDate),
        PersonKey = person is null ? "" : Key(person),
        Receipt = new Receipt { AttachmentId = $"att-{receipt ?? id}", Sha256 = Sha256(receipt ?? id + Guid.NewGuid()) },
    };

    public static string Sha256(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    public static Exchange.Common.V1.Money Yen(long amount) => new() { Amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), Currency = "JPY" };

    public static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>A budget with a generous programme share for every tool and an own share of a little more than a third.</summary>
    public static SetBudgetRequest Budget(string projectId, long perTool = 5_000_000, int year = 2007)
    {
        var request = new SetBudgetRequest
        {
            ProjectId = projectId,
            FiscalYear = year,
            CoordinatorsProgrammeShare = Yen(6_000_000),
            CoordinatorsOwnShare = Yen(3_000_000),
        };
        foreach (var tool in Enum.GetValues<Exchange.Missions.V1.SupportTool>().Where(t => t != Exchange.Missions.V1.SupportTool.Unspecified))
            request.Lines.Add(new BudgetLine { SupportTool = tool, ProgrammeShare = Yen(perTool), OwnShare = Yen(perTool / 2 + 100_000) });
        return request;
    }

    public static CreateCoordinatorContractRequest Contract(string projectId, CoordinatorSide side, string name, long commission = 1_200_000, long travel = 300_000, int year = 2007) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        ProjectId = projectId,
        FiscalYear = year,
        Side = side,
        Coordinator = new Coordinator { Name = name, Organisation = side == CoordinatorSide.Japan ? "Shizuoka Industry Promotion" : "Jena Consulting GmbH", Country = side == CoordinatorSide.Japan ? "JP" : "DE" },
        CommissionFee = Yen(commission),
        TravelBudget = Yen(travel),
    };

    private static RegisterProjectRequest Registration(string title, string region, string prefecture, string body, string bodyName,
        string overseasRegion, string country, WorldArea area, string overseasBody, string overseasBodyName, string theme)
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
            PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2009 },
        };
        for (var i = 1; i <= 5; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"{region} SME {i}", Sme = true });
        request.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = $"{prefecture} university" });
        return request;
    }
}
