using Exchange.Contracts.Projects;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Persistence;
using Exchange.Missions.Tests.Infrastructure;
using Exchange.Missions.V1;
using Exchange.Projects.V1;
using Exchange.Rpc;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Missions.Tests;

/// <summary>
/// Missions with its Projects service stopped: activities are checked against the read model fed
/// by project events, with the same rules, and what was reported meanwhile reaches Projects when
/// it is back. Each test runs its own pair of services, so that stopping one disturbs no other test.
/// </summary>
[Collection(MissionsCollection.Name)]
public sealed class ProjectsOutageTests(MissionsFixture fixture)
{
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;
    private static readonly Caller Jena = TieUps.JenaPartner;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task With_the_Projects_service_stopped_activities_are_checked_against_the_read_model(DatabaseProvider provider)
    {
        await using var deployment = await Deployment.StartAsync(provider);
        var client = deployment.Client;
        var missions = deployment.Missions;
        // Active in FY2007, continued into FY2008 whose work has not started yet.
        var project = await deployment.ActiveProject();
        project = await deployment.Projects.Continue(project.Id, 2008);
        var suwa = await deployment.ActiveProject(TieUps.SuwaDalian());

        var (mission, checkedBy) = await client.PlanAndTell(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 6, 4)), Hamamatsu);
        Assert.Equal("projects-service", checkedBy);
        mission = await client.AddPerson(mission.Id, Samples.Person("Kenji Sato", "Hamamatsu Photonics", Funding.Programme, country: "JP"), Hamamatsu);
        mission = await client.Complete((await client.Confirm(mission.Id, Hamamatsu)).Id, Hamamatsu);
        await missions.WaitForReadModel(project.Id, project.Version);
        await missions.WaitForReadModel(suwa.Id, suwa.Version);

        await deployment.ProjectsHost.StopAsync();

        var (invitation, decidedBy) = await client.PlanAndTell(Samples.Activity(project.Id, SupportTool.PartnerInvitation, new DateOnly(2007, 10, 15)), Hamamatsu);
        Assert.Equal($"read-model; version={project.Version}", decidedBy);
        for (var i = 1; i <= 3; i++)
            invitation = await client.AddPerson(invitation.Id, Samples.Person($"Optronik guest {i}", "Jena Optronik GmbH", Funding.Programme), Hamamatsu);
        await missions.Refused(StatusCode.FailedPrecondition, "max-three-funded-invitees-per-company",
            () => client.AddPerson(invitation.Id, Samples.Person("Optronik guest 4", "Jena Optronik GmbH", Funding.Programme), Hamamatsu));
        invitation = await client.RegisterDelegate(invitation.Id, new PersonInput { Name = "Petra Lange", Country = "DE", Funding = Funding.Programme }, Jena);
        invitation = await client.Confirm(invitation.Id, Hamamatsu);
        Assert.Equal((ActivityStatus.Confirmed, 4), (invitation.Status, invitation.FundedPersons));

        await missions.Refused(StatusCode.FailedPrecondition, "project-active-in-fiscal-year: project",
            () => client.Plan(Samples.Activity(project.Id, SupportTool.WorkshopInJapan, new DateOnly(2008, 5, 12)), Hamamatsu));
        await missions.Refused(StatusCode.FailedPrecondition, "dates-within-supported-period",
            () => client.Plan(Samples.Activity(project.Id, SupportTool.WorkshopInJapan, new DateOnly(2009, 5, 11)), Hamamatsu));
        await missions.Refused(StatusCode.FailedPrecondition, "dates-in-order", () =>
        {
            var reversed = Samples.Activity(project.Id, SupportTool.WorkshopInJapan, new DateOnly(2007, 9, 3));
            reversed.EndDate = Samples.Date(new DateOnly(2007, 9, 1));
            return client.Plan(reversed, Hamamatsu);
        });
        await missions.Refused(StatusCode.NotFound, "project-access",
            () => client.Plan(Samples.Activity(suwa.Id, SupportTool.OverseasMission, new DateOnly(2007, 7, 2)), Hamamatsu));
        await missions.Refused(StatusCode.PermissionDenied, "project-change",
            () => client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 7, 2)), Jena));
        await missions.Refused(StatusCode.Unavailable, "project-check",
            () => client.Plan(Samples.Activity(Guid.NewGuid().ToString(), SupportTool.OverseasMission, new DateOnly(2007, 7, 2)), Hamamatsu));

        // Reads never needed the Projects service.
        Assert.Equal(invitation, await client.Get(invitation.Id, Jena));
        Assert.Equal("Dispatching leading companies overseas: 1 time, 1 person (1 funded, 0 at private expense)",
            Assert.Single((await client.ProjectSummary(project.Id, 2007, Hamamatsu)).BySupportTool).Line);

        // An outcome reported meanwhile waits in the broker and is recorded once Projects is back.
        await client.ReportOutcome(new ReportOutcomeRequest
        {
            ActivityId = mission.Id, OutcomeId = "export-1", Kind = AchievementKind.NewSalesChannelOrExport,
            AchievedOn = Samples.Date(new DateOnly(2007, 11, 20)), Description = "First exports of optical sensors to Thuringia",
        }, Hamamatsu);
        await deployment.ProjectsHost.StartAgainAsync();
        var recorded = await Eventually.Poll(() => deployment.Projects.Get(project.Id, Hamamatsu), p => p.Achievements.Count == 1);
        Assert.Equal(mission.Id, recorded.Achievements.Single().ActivityId);

        // Projects decides again, on its newest state: FY2008 is open once its work started.
        await deployment.Projects.Activate(project.Id);
        var (workshop, nowCheckedBy) = await client.PlanAndTell(Samples.Activity(project.Id, SupportTool.WorkshopInJapan, new DateOnly(2008, 5, 12)), Hamamatsu);
        Assert.Equal(("projects-service", 2008), (nowCheckedBy, workshop.FiscalYear));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_read_model_keeps_the_newest_state_of_a_project_in_whatever_order_its_snapshots_arrive(DatabaseProvider provider)
    {
        await using var deployment = await Deployment.StartAsync(provider);
        var client = deployment.Client;
        var missions = deployment.Missions;
        await deployment.ProjectsHost.StopAsync();
        var projectId = Guid.NewGuid();
        var kitakyushu = Caller.Body("kitakyushu-city");
        ProjectStateChanged State(long version, string status) => new(projectId, "RegionalIndustryTieUp", "Kitakyushu - Hanoi embedded software",
            status, version, "kitakyushu-city", ["hanoi-dost"], [2008], 2008, 2010, DateTimeOffset.UtcNow);

        await Publish(State(3, "Active"));
        await missions.WaitForReadModel(projectId.ToString(), 3);
        // A late snapshot of an earlier version changes nothing.
        await Publish(State(2, "Withdrawn"));
        var activity = await client.Plan(Samples.Activity(projectId.ToString(), SupportTool.SurveyWithBusinessTrip, new DateOnly(2008, 7, 7)), kitakyushu);
        Assert.Equal(ActivityStatus.Planned, activity.Status);

        await Publish(State(4, "Closed"));
        await missions.WaitForReadModel(projectId.ToString(), 4);
        await missions.Refused(StatusCode.FailedPrecondition, $"project-active-in-fiscal-year: project {projectId} ('Kitakyushu - Hanoi embedded software') is closed",
            () => client.Plan(Samples.Activity(projectId.ToString(), SupportTool.SurveyWithBusinessTrip, new DateOnly(2008, 8, 4)), kitakyushu));

        // Publishes a snapshot as the Projects service would, and waits until this Missions service has handled it.
        async Task Publish(ProjectStateChanged state)
        {
            var messageId = NewId.NextGuid();
            await fixture.Events.Bus.Publish(state, context => context.MessageId = messageId);
            await Eventually.Poll(() => missions.InDatabase(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId)), handled => handled);
        }
    }
}
