using Exchange.Common.V1;
using Exchange.Contracts.Projects;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Tests.Infrastructure;
using Exchange.Projects.V1;

namespace Exchange.Projects.Tests;

[Collection(ProjectsCollection.Name)]
public sealed class LifecycleTests(ProjectsFixture fixture)
{
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_project_lives_through_every_stage_and_publishes_each_step(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        var project = await client.Register(Samples.HamamatsuJena(), Hamamatsu);
        Assert.Equal(ProjectStatus.Proposed, project.Status);
        Assert.Equal(1, project.Version);

        project = await client.Adopt(project.Id, 2007, Caller.Coordinator);
        Assert.Equal(ProjectStatus.Adopted, project.Status);
        Assert.Equal([2007], project.SupportedFiscalYears);

        project = await client.Activate(project.Id, Hamamatsu);
        Assert.Equal(ProjectStatus.Active, project.Status);

        project = await client.Continue(new ContinueProjectRequest
        {
            ProjectId = project.Id,
            FiscalYear = 2008,
            ExpandedRegion = new OverseasRegion { Name = "Dresden", Country = "DE", WorldArea = WorldArea.Europe },
            ExpandedOverseasBody = new Organisation { Id = Samples.Dresden, Name = "Dresden economic development", Country = "DE" },
        }, Caller.Coordinator);
        Assert.Equal(ProjectStatus.Continued, project.Status);
        Assert.Equal(["Jena", "Dresden"], project.OverseasRegions.Select(r => r.Name));
        Assert.Contains(project.OverseasBodies, b => b.Id == Samples.Dresden);

        project = await client.Activate(project.Id, Hamamatsu);
        project = await client.RecordAchievement(new RecordAchievementRequest
        {
            ProjectId = project.Id, AchievementId = "jv-1", Kind = AchievementKind.JointVenture,
            Date = new Date { Year = 2008, Month = 11, Day = 20 }, Description = "Joint venture for lens coating",
        }, TieUps.JenaPartner);
        project = await client.Complete(project.Id, Hamamatsu);
        Assert.Equal(ProjectStatus.Completed, project.Status);
        project = await client.StartFollowUp(project.Id, ExchangeStatus.Continuing, Hamamatsu);
        Assert.Equal(ProjectStatus.FollowUp, project.Status);
        project = await client.RecordAchievement(new RecordAchievementRequest
        {
            ProjectId = project.Id, AchievementId = "export-1", Kind = AchievementKind.NewSalesChannelOrExport,
            Date = new Date { Year = 2010, Month = 6, Day = 1 }, Description = "First exports of optical sensors to Thuringia",
        }, Hamamatsu);
        project = await client.Review(project.Id, 2009, ExchangeStatus.Continuing, Hamamatsu);
        project = await client.Review(project.Id, 2010, ExchangeStatus.Ceased, Hamamatsu);
        project = await client.Close(project.Id, Caller.Coordinator);

        Assert.Equal(ProjectStatus.Closed, project.Status);
        Assert.Equal([AchievementTiming.DuringSupport, AchievementTiming.AfterSupport], project.Achievements.Select(a => a.Timing));
        Assert.Equal([2009, 2010], project.FollowUpReviews.Select(r => r.FiscalYear));

        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<ProjectClosed>().Any());
        Assert.Equal(
            ["ProjectRegistered", "ProjectAdopted", "ProjectActivated", "ProjectContinued", "ProjectRegionExpanded", "ProjectActivated",
             "AchievementRecorded", "ProjectCompleted", "ProjectFollowUpChanged", "AchievementRecorded", "ProjectFollowUpChanged",
             "ProjectFollowUpChanged", "ProjectClosed"],
            events.Where(e => e is not ProjectStateChanged).Select(e => e.GetType().Name));
        var last = await fixture.Events.WaitFor(project.Id, e => e.OfType<ProjectStateChanged>().Any(s => s.Version == project.Version));
        Assert.Equal("Closed", last.OfType<ProjectStateChanged>().MaxBy(s => s.Version)!.Status);
    }
}
