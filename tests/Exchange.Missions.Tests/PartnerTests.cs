using Exchange.Contracts.Missions;
using Exchange.Messaging.Persistence;
using Exchange.Missions.Tests.Infrastructure;
using Exchange.Missions.V1;
using Exchange.Rpc;

namespace Exchange.Missions.Tests;

/// <summary>Overseas partners register their delegates and confirm meetings, on their own projects only.</summary>
[Collection(MissionsCollection.Name)]
public sealed class PartnerTests(MissionsFixture fixture)
{
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;
    private static readonly Caller Jena = TieUps.JenaPartner;
    private static readonly Caller Dalian = TieUps.DalianPartner;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Overseas_partners_register_their_delegates_for_invitations_of_their_own_projects(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var missions = deployment.Missions;
        var project = await deployment.ActiveProject();
        await deployment.ActiveProject(TieUps.SuwaDalian());
        var invitation = await client.Plan(Samples.Activity(project.Id, SupportTool.PartnerInvitation, new DateOnly(2007, 10, 15)), Hamamatsu);

        // Without an organisation, the delegate is one of the partner's own people.
        var own = new PersonInput { Name = "Petra Lange", Role = "project manager", Country = "DE", Funding = Funding.Programme };
        invitation = await client.RegisterDelegate(invitation.Id, own, Jena);
        var petra = Assert.Single(invitation.Roster);
        Assert.Equal((TieUps.Jena, true, TieUps.Jena), (petra.Organisation.Id, petra.Delegate, petra.RegisteredBy));

        // Delegates of a company of the region count against that company's three funded places.
        for (var i = 1; i <= 3; i++)
            invitation = await client.RegisterDelegate(invitation.Id, Samples.Person($"Optronik delegate {i}", "Jena Optronik GmbH", Funding.Programme), Jena);
        await missions.Refused(StatusCode.FailedPrecondition, "max-three-funded-invitees-per-company",
            () => client.RegisterDelegate(invitation.Id, Samples.Person("Optronik delegate 4", "Jena Optronik GmbH", Funding.Programme), Jena));
        invitation = await client.RegisterDelegate(invitation.Id, Samples.Person("Optronik delegate 4", "Jena Optronik GmbH", Funding.PrivateExpense), Jena);
        Assert.Equal((4, 1), (invitation.FundedPersons, invitation.PrivateExpensePersons));
        Assert.All(invitation.Roster, r => Assert.True(r.Delegate));

        await missions.Refused(StatusCode.NotFound, "activity", () => client.RegisterDelegate(invitation.Id, own, Dalian));
        await missions.Refused(StatusCode.PermissionDenied, "delegate-registration", () => client.RegisterDelegate(invitation.Id, own, Hamamatsu));
        await missions.Refused(StatusCode.PermissionDenied, "delegate-registration", () => client.RegisterDelegate(invitation.Id, own, Caller.Coordinator));
        var mission = await client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 11, 5)), Hamamatsu);
        await missions.Refused(StatusCode.FailedPrecondition, "delegates-for-invitations-only", () => client.RegisterDelegate(mission.Id, own, Jena));

        // The partner sees its project's activities and organisations, the other partner does not.
        Assert.Equal(invitation, await client.Get(invitation.Id, Jena));
        await missions.Refused(StatusCode.NotFound, "activity", () => client.Get(invitation.Id, Dalian));
        var everything = new ListActivitiesRequest { FiscalYear = 2007, Page = new Common.V1.PageRequest { PageSize = 500 } };
        Assert.Contains(invitation.Id, (await client.List(everything, Jena)).Activities.Select(a => a.Id));
        Assert.DoesNotContain(project.Id, (await client.List(everything, Dalian)).Activities.Select(a => a.ProjectId));
        var organisations = new ListOrganisationsRequest { Page = new Common.V1.PageRequest { PageSize = 500 } };
        Assert.Contains(TieUps.Jena, (await client.Organisations(organisations, Jena)).Organisations.Select(o => o.Id));
        Assert.DoesNotContain(TieUps.Jena, (await client.Organisations(organisations, Dalian)).Organisations.Select(o => o.Id));
        Assert.Contains(TieUps.Jena, (await client.Organisations(organisations, Caller.Coordinator)).Organisations.Select(o => o.Id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_implementation_body_records_meetings_and_its_partner_confirms_attending_them(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var missions = deployment.Missions;
        var project = await deployment.ActiveProject();
        await deployment.ActiveProject(TieUps.SuwaDalian());
        var mission = await client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 9, 10)), Hamamatsu);
        var meeting = new RecordMeetingRequest
        {
            ActivityId = mission.Id,
            Counterpart = new OrganisationRef { Name = "Jena Optronik GmbH", Country = "DE", Kind = OrganisationKind.Company },
            Date = Samples.Date(new DateOnly(2007, 9, 11)),
            Topic = "Joint development of lens coatings",
            Result = MeetingResult.FollowUpAgreed,
        };

        await missions.Refused(StatusCode.PermissionDenied, "project-change", () => client.RecordMeeting(meeting, Jena));
        var early = meeting.Clone();
        early.Date = Samples.Date(new DateOnly(2007, 9, 9));
        await missions.Refused(StatusCode.FailedPrecondition, "meeting-within-activity-dates: the meeting on 2007-09-09 falls outside the activity's dates (2007-09-10 to 2007-09-14)",
            () => client.RecordMeeting(early, Hamamatsu));
        var noResult = meeting.Clone();
        noResult.Result = MeetingResult.Unspecified;
        await missions.Refused(StatusCode.InvalidArgument, "result", () => client.RecordMeeting(noResult, Hamamatsu));

        mission = await client.Confirm(mission.Id, Hamamatsu);
        mission = await client.RecordMeeting(meeting, Hamamatsu);
        var recorded = Assert.Single(mission.Meetings);
        Assert.Equal(("de-jena-optronik-gmbh", MeetingResult.FollowUpAgreed, TieUps.Hamamatsu), (recorded.Counterpart.Id, recorded.Result, recorded.RecordedBy));

        await missions.Refused(StatusCode.NotFound, "activity", () => client.ConfirmAttendance(mission.Id, recorded.Id, Dalian));
        await missions.Refused(StatusCode.PermissionDenied, "attendance-confirmation", () => client.ConfirmAttendance(mission.Id, recorded.Id, Hamamatsu));
        await missions.Refused(StatusCode.NotFound, "meeting", () => client.ConfirmAttendance(mission.Id, "no-such-meeting", Jena));

        mission = await client.Complete(mission.Id, Hamamatsu);
        // Confirming attendance is not an edit of the record: partners confirm after the mission too, once each.
        mission = await client.ConfirmAttendance(mission.Id, recorded.Id, Jena);
        var again = await client.ConfirmAttendance(mission.Id, recorded.Id, Jena);
        Assert.Equal(mission.Version, again.Version);
        var confirmation = Assert.Single(again.Meetings.Single().Confirmations);
        Assert.Equal(TieUps.Jena, confirmation.OrganisationId);

        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<ActivityCompleted>().Any());
        var published = Assert.Single(events.OfType<MeetingRecorded>());
        Assert.Equal(("Jena Optronik GmbH", "FollowUpAgreed", new DateTime(2007, 9, 11, 0, 0, 0, DateTimeKind.Utc)), (published.CounterpartName, published.Result, published.Date));
        Assert.Equal(1, events.OfType<ActivityCompleted>().Single().MeetingCount);
    }
}
