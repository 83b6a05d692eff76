using System.Security.Cryptography;
using System.Text;
using Exchange.Claims.V1;
using Exchange.Common.V1;
using Exchange.Contracts.Missions;
using Exchange.Missions.V1;

namespace Exchange.Claims.Tests.Infrastructure;

/// <summary>Activities, funded people, budgets, contracts and claim lines for the tie-ups of <see cref="TieUps"/>.</summary>
public static class Samples
{
    /// <summary>Funded people of Jena companies, as Missions reports them.</summary>
    public static readonly FundedParticipant AnnaWeber = new("Anna Weber", "optical engineer", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");
    public static readonly FundedParticipant JonasKeller = new("Jonas Keller", "sales manager", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");
    public static readonly FundedParticipant MiaSchulz = new("Mia Schulz", "engineer", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");
    public static readonly FundedParticipant LukasBraun = new("Lukas Braun", "president", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");
    public static readonly FundedParticipant LiWei = new("Li Wei", "expert", "CN", "cn-dalian-machinery", "Dalian Machinery", "CN");

    public static string Key(FundedParticipant person) => $"{person.OrganisationId}/{person.Name.ToLowerInvariant()}";

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
}
