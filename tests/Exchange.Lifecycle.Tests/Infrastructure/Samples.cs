using System.Security.Cryptography;
using System.Text;
using Exchange.Claims.V1;
using Exchange.Common.V1;
using Exchange.Contracts.Missions;
using Exchange.Projects.V1;

namespace Exchange.Lifecycle.Tests.Infrastructure;

/// <summary>Activities, budgets, contracts and claim lines for the tie-ups of <see cref="TieUps"/>.</summary>
public static class Samples
{
    public static readonly FundedParticipant AnnaWeber = new("Anna Weber", "optical engineer", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");

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
}
