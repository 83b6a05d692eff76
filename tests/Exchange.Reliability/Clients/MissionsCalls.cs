using Exchange.Common.V1;
using Exchange.Missions.V1;
using Exchange.Projects.V1;
using Exchange.Rpc.Client;
using Exchange.Testing;

namespace Exchange.Reliability.Clients;

/// <summary>The Missions calls the outage scenario makes: activities planned (telling who checked the project), completed, their outcomes reported.</summary>
public sealed class MissionsCalls(Uri address) : ServiceClient(address, MissionsReflection.Descriptor.Services[0])
{
    /// <summary>Says which checked the project: "projects-service", or "read-model; version=N".</summary>
    public const string CheckHeader = "x-exchange-project-check";

    public async Task<(Activity Activity, string CheckedBy)> PlanAsync(string projectId, DateOnly start, Caller caller)
    {
        var request = new PlanActivityRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ProjectId = projectId,
            SupportTool = SupportTool.OverseasMission,
            Title = $"Mission to Jena {start:yyyy-MM-dd}",
            Purpose = "Business meetings on optical components",
            StartDate = Date(start),
            EndDate = Date(start.AddDays(4)),
            Places = { new Place { Name = "Jena", Country = "DE" } },
        };
        UnaryResult<Activity> result = await CallWithHeaders<PlanActivityRequest, Activity>("PlanActivity", request, caller);
        return (result.Response, result.Headers.GetValue(CheckHeader) ?? "");
    }

    public async Task<Activity> CompleteAsync(string activityId, Caller caller)
    {
        await Call<ConfirmActivityRequest, Activity>("ConfirmActivity", new ConfirmActivityRequest { ActivityId = activityId }, caller);
        return await Call<CompleteActivityRequest, Activity>("CompleteActivity", new CompleteActivityRequest { ActivityId = activityId }, caller);
    }

    public Task<Activity> ReportOutcome(string activityId, string outcomeId, DateOnly achievedOn, Caller caller) =>
        Call<ReportOutcomeRequest, Activity>("ReportOutcome", new ReportOutcomeRequest
        {
            ActivityId = activityId,
            OutcomeId = outcomeId,
            Kind = AchievementKind.NewSalesChannelOrExport,
            AchievedOn = Date(achievedOn),
            Description = "First exports of optical sensors to Thuringia",
        }, caller);

    private static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
