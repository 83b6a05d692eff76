using Exchange.Contracts.Missions;
using Exchange.Messaging.Persistence;
using Exchange.Missions.Tests.Infrastructure;
using Exchange.Missions.V1;
using Exchange.Projects.V1;
using Exchange.Rpc;

namespace Exchange.Missions.Tests;

[Collection(MissionsCollection.Name)]
public sealed class OutcomeTests(MissionsFixture fixture)
{
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;
    private static readonly Caller Jena = TieUps.JenaPartner;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_outcome_of_an_activity_arrives_at_the_Projects_service_as_an_achievement(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var missions = deployment.Missions;
        var project = await deployment.ActiveProject();
        var mission = await client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 6, 4)), Hamamatsu);
        var outcome = new ReportOutcomeRequest
        {
            ActivityId = mission.Id, OutcomeId = "jv-1", Kind = AchievementKind.JointVenture,
            AchievedOn = Samples.Date(new DateOnly(2007, 12, 3)), Description = "Joint venture for lens coating in Jena",
        };
        await missions.Refused(StatusCode.FailedPrecondition, "activity-lifecycle: cannot report an outcome of an activity that is planned", () => client.ReportOutcome(outcome, Hamamatsu));
        mission = await client.Complete((await client.Confirm(mission.Id, Hamamatsu)).Id, Hamamatsu);

        var before = outcome.Clone();
        before.AchievedOn = Samples.Date(new DateOnly(2007, 6, 1));
        await missions.Refused(StatusCode.FailedPrecondition, "outcome-date: the outcome date 2007-06-01 precedes the activity", () => client.ReportOutcome(before, Hamamatsu));
        var future = outcome.Clone();
        future.AchievedOn = Samples.Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        await missions.Refused(StatusCode.FailedPrecondition, "outcome-date", () => client.ReportOutcome(future, Hamamatsu));
        await missions.Refused(StatusCode.NotFound, "activity", () => client.ReportOutcome(outcome, TieUps.DalianPartner));

        mission = await client.ReportOutcome(outcome, Hamamatsu);
        var again = await client.ReportOutcome(outcome, Hamamatsu);
        Assert.Equal(mission.Version, again.Version);
        mission = await client.ReportOutcome(new ReportOutcomeRequest
        {
            ActivityId = mission.Id, OutcomeId = "mou-1", Kind = AchievementKind.AgreementOrMou,
            AchievedOn = Samples.Date(new DateOnly(2008, 1, 15)), Description = "Cooperation agreement of the two clusters",
        }, Jena);
        Assert.Equal(["jv-1", "mou-1"], mission.Outcomes.Select(o => o.Id));

        var recorded = await Eventually.Poll(() => deployment.Projects.Get(project.Id, Hamamatsu), p => p.Achievements.Count == 2);
        var jointVenture = recorded.Achievements.Single(a => a.Kind == AchievementKind.JointVenture);
        Assert.Equal((mission.Id, AchievementTiming.DuringSupport, TieUps.Hamamatsu), (jointVenture.ActivityId, jointVenture.Timing, jointVenture.RecordedBy));
        Assert.Equal($"{Guid.Parse(mission.Id):N}/jv-1", jointVenture.Id);
        Assert.Equal(TieUps.Jena, recorded.Achievements.Single(a => a.Kind == AchievementKind.AgreementOrMou).RecordedBy);

        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<ActivityOutcomeReported>().Count() == 2);
        Assert.Equal(["JointVenture", "AgreementOrMou"], events.OfType<ActivityOutcomeReported>().Select(o => o.Kind));
    }
}
