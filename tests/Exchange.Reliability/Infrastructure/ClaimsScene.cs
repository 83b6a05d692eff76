using Exchange.Claims.V1;
using Exchange.Contracts.Missions;
using Exchange.Contracts.Projects;
using Exchange.Reliability.Clients;
using Exchange.Testing;

namespace Exchange.Reliability.Infrastructure;

/// <summary>
/// What a Claims service needs before it can pay: a project in its read model (published as the
/// Projects service would), the FY2007 rulebook, a budget, and claims drafted from completed
/// activities (published as Missions would) and approved.
/// </summary>
public sealed class ClaimsScene(ClaimsCalls claims, TestBus bus)
{
    public const string Body = "hamamatsu-city";
    private static readonly DateOnly Start = new(2007, 6, 11);
    private static readonly FundedParticipant AnnaWeber = new("Anna Weber", "optical engineer", "DE", "de-carl-zeiss-jena", "Carl Zeiss Jena", "DE");

    public Guid ProjectId { get; } = Guid.NewGuid();

    public async Task PrepareAsync()
    {
        await bus.Bus.Publish(new ProjectStateChanged(ProjectId, "RegionalIndustryTieUp", "Hamamatsu - Jena optical appliances tie-up", "Active", 3,
            Body, ["jena-city"], [2007], 2007, 2009, DateTimeOffset.UtcNow));
        await claims.RulebookFromTemplate(2007);
        var budget = new SetBudgetRequest { ProjectId = ProjectId.ToString(), FiscalYear = 2007, CoordinatorsProgrammeShare = ClaimsCalls.Yen(6_000_000), CoordinatorsOwnShare = ClaimsCalls.Yen(3_000_000) };
        foreach (var tool in Enum.GetValues<Exchange.Missions.V1.SupportTool>().Where(t => t != Exchange.Missions.V1.SupportTool.Unspecified))
            budget.Lines.Add(new BudgetLine { SupportTool = tool, ProgrammeShare = ClaimsCalls.Yen(500_000_000), OwnShare = ClaimsCalls.Yen(250_100_000) });
        // The project reaches the read model through the broker: until then the budget is refused.
        await Progress.PollAsync(async () =>
        {
            try
            {
                return await claims.SetBudget(budget);
            }
            catch (Exchange.Rpc.RpcException)
            {
                return null;
            }
        }, b => b is not null, "the project in the Claims read model");
    }

    /// <summary>A claim of 330,000 JPY (travel and stay of a five-day mission), approved in full; its id.</summary>
    public async Task<string> ApprovedClaimAsync()
    {
        var activityId = Guid.NewGuid();
        await bus.Bus.Publish(new ActivityCompleted(activityId, ProjectId, 2007, "OverseasMission", "Outbound",
            Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Start.AddDays(4).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ["Jena, DE"], [AnnaWeber], 0, 0, DateTimeOffset.UtcNow));
        var drafted = await Progress.PollAsync(() => claims.OfActivity(activityId), r => r.Claims.Count == 1, "the draft claim of a completed activity");
        var claimId = drafted.Claims[0].Id;
        var person = $"{AnnaWeber.OrganisationId}/{AnnaWeber.Name.ToLowerInvariant()}";
        await claims.ApproveAsync(claimId, Caller.Body(Body),
            ClaimsCalls.Line($"travel-{claimId[..8]}", "travel", 250_000, Start, person),
            ClaimsCalls.Line($"stay-{claimId[..8]}", "stay", 80_000, Start, person));
        return claimId;
    }
}
