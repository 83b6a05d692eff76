using Exchange.Contracts.Missions;
using Exchange.Messaging.Persistence;
using Exchange.Missions.Tests.Infrastructure;
using Exchange.Missions.V1;
using Exchange.Rpc;

namespace Exchange.Missions.Tests;

[Collection(MissionsCollection.Name)]
public sealed class LifecycleTests(MissionsFixture fixture)
{
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;
    private static readonly Caller Jena = TieUps.JenaPartner;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Every_support_tool_goes_from_planned_through_confirmed_to_completed_and_publishes_each_step(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.ActiveProject();
        var expectedDirections = new Dictionary<SupportTool, Direction>
        {
            [SupportTool.WorkshopInJapan] = Direction.Inbound,
            [SupportTool.BasicSurveyOverseas] = Direction.Outbound,
            [SupportTool.SurveyWithBusinessTrip] = Direction.Outbound,
            [SupportTool.ExpertInvitation] = Direction.Inbound,
            [SupportTool.OverseasMission] = Direction.Outbound,
            [SupportTool.PartnerInvitation] = Direction.Inbound,
        };

        var ids = new Dictionary<SupportTool, string>();
        var start = new DateOnly(2007, 5, 7);
        foreach (var (tool, direction) in expectedDirections)
        {
            var activity = await client.Plan(Samples.Activity(project.Id, tool, start), Hamamatsu);
            Assert.Equal(ActivityStatus.Planned, activity.Status);
            Assert.Equal(direction, activity.Direction);
            Assert.Equal(2007, activity.FiscalYear);
            activity = await client.AddPerson(activity.Id, Samples.Person("Anna Berger", "Jenoptik AG", Funding.Programme), Hamamatsu);
            activity = await client.AddPerson(activity.Id, Samples.Person("Kenji Sato", "Hamamatsu Photonics", Funding.PrivateExpense, country: "JP"), Hamamatsu);
            activity = await client.Confirm(activity.Id, Hamamatsu);
            Assert.Equal(ActivityStatus.Confirmed, activity.Status);
            activity = await client.Complete(activity.Id, Hamamatsu);
            Assert.Equal(ActivityStatus.Completed, activity.Status);
            Assert.Equal([ActivityStatus.Planned, ActivityStatus.Confirmed, ActivityStatus.Completed], activity.History.Select(h => h.Status));
            ids[tool] = activity.Id;
            start = start.AddDays(30);
        }

        var listed = await client.List(new ListActivitiesRequest { ProjectId = project.Id, Status = ActivityStatus.Completed }, Hamamatsu);
        Assert.Equal(expectedDirections.Keys.Order(), listed.Activities.Select(a => a.SupportTool).Order());
        var inJapan = await client.List(new ListActivitiesRequest { ProjectId = project.Id, Direction = Direction.Inbound }, Jena);
        Assert.Equal(3, inJapan.TotalCount);

        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<ActivityCompleted>().Count() == 6);
        foreach (var (tool, id) in ids)
        {
            var ofActivity = events.Where(e => ActivityIdOf(e) == Guid.Parse(id)).ToList();
            Assert.Equal(["ActivityPlanned", "ActivityConfirmed", "ActivityCompleted"], ofActivity.Select(e => e.GetType().Name));
            var completed = ofActivity.OfType<ActivityCompleted>().Single();
            Assert.Equal(tool.ToString(), completed.SupportTool);
            Assert.Equal(2007, completed.FiscalYear);
            var funded = Assert.Single(completed.FundedPersons);
            Assert.Equal(("Anna Berger", "de-jenoptik-ag", "Jenoptik AG", "DE"), (funded.Name, funded.OrganisationId, funded.OrganisationName, funded.OrganisationCountry));
            Assert.Equal(1, completed.PrivateExpensePersons);
            Assert.Equal(completed.StartDate.AddDays(4), completed.EndDate);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Planned_and_confirmed_activities_can_be_cancelled_with_a_reason(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.ActiveProject();
        var planned = await client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 9, 10)), Hamamatsu);
        var confirmed = await client.Confirm((await client.Plan(Samples.Activity(project.Id, SupportTool.ExpertInvitation, new DateOnly(2007, 10, 1)), Hamamatsu)).Id, Hamamatsu);

        await deployment.Missions.Refused(StatusCode.InvalidArgument, "reason", () => client.Cancel(planned.Id, " ", Hamamatsu));
        await deployment.Missions.Refused(StatusCode.PermissionDenied, "project-change", () => client.Cancel(planned.Id, "partner cannot", Jena));

        planned = await client.Cancel(planned.Id, "Jena trade fair moved to spring", Hamamatsu);
        confirmed = await client.Cancel(confirmed.Id, "The experts could not travel", Hamamatsu);
        Assert.Equal((ActivityStatus.Cancelled, "Jena trade fair moved to spring"), (planned.Status, planned.StatusReason));
        Assert.Equal(ActivityStatus.Cancelled, confirmed.Status);

        await deployment.Missions.Refused(StatusCode.FailedPrecondition, "activity-lifecycle: cannot confirm an activity that is cancelled",
            () => client.Confirm(planned.Id, Hamamatsu));
        var completed = await client.Complete((await client.Confirm((await client.Plan(Samples.Activity(project.Id, SupportTool.WorkshopInJapan, new DateOnly(2007, 11, 5)), Hamamatsu)).Id, Hamamatsu)).Id, Hamamatsu);
        await deployment.Missions.Refused(StatusCode.FailedPrecondition, "completed-activity-is-read-only", () => client.Cancel(completed.Id, "too late", Hamamatsu));

        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<ActivityCancelled>().Count() == 2);
        // Each activity is its own stream: their events keep their order within, not across.
        Assert.Equal(["Jena trade fair moved to spring", "The experts could not travel"], events.OfType<ActivityCancelled>().Select(c => c.Reason).Order());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_completed_activity_is_read_only_until_its_implementation_body_reopens_it(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var missions = deployment.Missions;
        var project = await deployment.ActiveProject();
        var activity = await client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 6, 4)), Hamamatsu);
        activity = await client.AddPerson(activity.Id, Samples.Person("Anna Berger", "Jenoptik AG", Funding.Programme), Hamamatsu);
        activity = await client.Complete((await client.Confirm(activity.Id, Hamamatsu)).Id, Hamamatsu);

        var update = new UpdateActivityRequest
        {
            ActivityId = activity.Id, Title = activity.Title, Purpose = "Corrected dates", StartDate = Samples.Date(new DateOnly(2007, 6, 5)),
            EndDate = Samples.Date(new DateOnly(2007, 6, 9)), Places = { activity.Places },
        };
        await missions.Refused(StatusCode.FailedPrecondition, "completed-activity-is-read-only", () => client.Update(update, Hamamatsu));
        await missions.Refused(StatusCode.FailedPrecondition, "completed-activity-is-read-only",
            () => client.AddPerson(activity.Id, Samples.Person("Late Comer", "Jenoptik AG", Funding.PrivateExpense), Hamamatsu));
        await missions.Refused(StatusCode.FailedPrecondition, "completed-activity-is-read-only", () => client.RemovePerson(activity.Id, activity.Roster[0].Id, Hamamatsu));
        await missions.Refused(StatusCode.FailedPrecondition, "completed-activity-is-read-only", () => client.RecordMeeting(new RecordMeetingRequest
        {
            ActivityId = activity.Id, Counterpart = new OrganisationRef { Name = "Jenoptik AG", Country = "DE", Kind = OrganisationKind.Company },
            Date = Samples.Date(new DateOnly(2007, 6, 5)), Topic = "Lens coating", Result = MeetingResult.Negotiation,
        }, Hamamatsu));
        await missions.Refused(StatusCode.PermissionDenied, "project-change", () => client.Reopen(activity.Id, "dates were wrong", Jena));
        await missions.Refused(StatusCode.InvalidArgument, "reason", () => client.Reopen(activity.Id, "", Hamamatsu));

        activity = await client.Reopen(activity.Id, "The mission left a day later", Hamamatsu);
        Assert.Equal((ActivityStatus.Confirmed, "The mission left a day later"), (activity.Status, activity.StatusReason));
        activity = await client.Update(update, Hamamatsu);
        Assert.Equal(new DateOnly(2007, 6, 5), new DateOnly(activity.StartDate.Year, activity.StartDate.Month, activity.StartDate.Day));
        activity = await client.Complete(activity.Id, Hamamatsu);
        Assert.Equal([ActivityStatus.Planned, ActivityStatus.Confirmed, ActivityStatus.Completed, ActivityStatus.Confirmed, ActivityStatus.Completed],
            activity.History.Select(h => h.Status));

        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<ActivityCompleted>().Count() == 2);
        Assert.Equal(["ActivityPlanned", "ActivityConfirmed", "ActivityCompleted", "ActivityReopened", "ActivityCompleted"], events.Select(e => e.GetType().Name));
        Assert.Equal(new DateTime(2007, 6, 5, 0, 0, 0, DateTimeKind.Utc), events.OfType<ActivityCompleted>().Last().StartDate);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Dates_must_be_in_order_and_within_the_supported_period(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var missions = deployment.Missions;
        var project = await deployment.ActiveProject(TieUps.HamamatsuJena(), 2007, 2008);

        var reversed = Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 9, 10));
        reversed.EndDate = Samples.Date(new DateOnly(2007, 9, 1));
        await missions.Refused(StatusCode.FailedPrecondition, "dates-in-order: the activity ends (2007-09-01) before it starts (2007-09-10)", () => client.Plan(reversed, Hamamatsu));

        await missions.Refused(StatusCode.FailedPrecondition, "dates-within-supported-period: the activity runs 2009-05-11 to 2009-05-15, outside the project's supported period",
            () => client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2009, 5, 11)), Hamamatsu));
        await missions.Refused(StatusCode.FailedPrecondition, "dates-within-supported-period",
            () => client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 3, 20)), Hamamatsu));
        // Straddling the 31 March: the programme pays per fiscal year.
        await missions.Refused(StatusCode.FailedPrecondition, "dates-within-supported-period: the activity runs 2008-03-28 to 2008-04-03, outside FY2007",
            () => client.Plan(Samples.Activity(project.Id, SupportTool.PartnerInvitation, new DateOnly(2008, 3, 28), days: 7), Hamamatsu));
        await missions.Refused(StatusCode.FailedPrecondition, "dates-within-supported-period",
            () => client.Plan(Samples.Activity(project.Id, SupportTool.PartnerInvitation, new DateOnly(2008, 5, 12), fiscalYear: 2007), Hamamatsu));

        var activity = await client.Plan(Samples.Activity(project.Id, SupportTool.PartnerInvitation, new DateOnly(2008, 5, 12)), Hamamatsu);
        Assert.Equal(2008, activity.FiscalYear);
        var update = new UpdateActivityRequest
        {
            ActivityId = activity.Id, Title = activity.Title, StartDate = Samples.Date(new DateOnly(2008, 5, 20)), EndDate = Samples.Date(new DateOnly(2008, 5, 12)),
            Places = { activity.Places },
        };
        await missions.Refused(StatusCode.FailedPrecondition, "dates-in-order", () => client.Update(update, Hamamatsu));
        Assert.Equal(activity, await client.Get(activity.Id, Hamamatsu));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Activities_need_a_project_active_in_their_fiscal_year_that_the_caller_may_act_on(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var missions = deployment.Missions;
        var adoptedOnly = await deployment.Projects.Register(TieUps.HamamatsuJena(), Hamamatsu);
        adoptedOnly = await deployment.Projects.Adopt(adoptedOnly.Id, 2007);
        await missions.Refused(StatusCode.FailedPrecondition, "project-active-in-fiscal-year: project",
            () => client.Plan(Samples.Activity(adoptedOnly.Id, SupportTool.WorkshopInJapan, new DateOnly(2007, 7, 2)), Hamamatsu));

        var suwa = await deployment.ActiveProject(TieUps.SuwaDalian());
        var someoneElses = Samples.Activity(suwa.Id, SupportTool.OverseasMission, new DateOnly(2007, 7, 2));
        await missions.Refused(StatusCode.NotFound, "project-access", () => client.Plan(someoneElses, Hamamatsu));
        await missions.Refused(StatusCode.NotFound, "project-access", () => client.Plan(someoneElses, Jena));
        await missions.Refused(StatusCode.NotFound, "project-access",
            () => client.Plan(Samples.Activity(Guid.NewGuid().ToString(), SupportTool.OverseasMission, new DateOnly(2007, 7, 2)), Hamamatsu));
        var own = await deployment.ActiveProject();
        await missions.Refused(StatusCode.PermissionDenied, "project-change",
            () => client.Plan(Samples.Activity(own.Id, SupportTool.OverseasMission, new DateOnly(2007, 7, 2)), Jena));

        var suwasMission = await client.Plan(someoneElses, TieUps.SuwaBody);
        await missions.Refused(StatusCode.NotFound, "activity", () => client.Confirm(suwasMission.Id, Hamamatsu));
        await missions.Refused(StatusCode.NotFound, "activity", () => client.Get(suwasMission.Id, Jena));
        await missions.Refused(StatusCode.NotFound, "project-access", () => client.List(new ListActivitiesRequest { ProjectId = suwa.Id }, Jena));
        // Planning again with the same request id answers with the activity planned the first time.
        Assert.Equal(suwasMission.Id, (await client.Plan(someoneElses, TieUps.SuwaBody)).Id);
    }

    private static Guid ActivityIdOf(object @event) => @event switch
    {
        ActivityPlanned e => e.ActivityId,
        ActivityConfirmed e => e.ActivityId,
        ActivityCompleted e => e.ActivityId,
        ActivityCancelled e => e.ActivityId,
        ActivityReopened e => e.ActivityId,
        MeetingRecorded e => e.ActivityId,
        _ => Guid.Empty,
    };
}
