using Exchange.Contracts.Missions;
using Exchange.Messaging.Persistence;
using Exchange.Missions.Tests.Infrastructure;
using Exchange.Missions.V1;
using Exchange.Rpc;

namespace Exchange.Missions.Tests;

[Collection(MissionsCollection.Name)]
public sealed class RosterTests(MissionsFixture fixture)
{
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_invitation_of_business_partners_funds_at_most_three_people_of_one_company(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.ActiveProject();
        var invitation = await client.Plan(Samples.Activity(project.Id, SupportTool.PartnerInvitation, new DateOnly(2007, 10, 15)), Hamamatsu);

        foreach (var name in new[] { "Anna Berger", "Jonas Keller", "Lena Vogt" })
            invitation = await client.AddPerson(invitation.Id, Samples.Person(name, "Jena Optronik GmbH", Funding.Programme), Hamamatsu);
        var refusal = await deployment.Missions.Refused(StatusCode.FailedPrecondition, "max-three-funded-invitees-per-company",
            () => client.AddPerson(invitation.Id, Samples.Person("Max Fischer", "Jena Optronik GmbH", Funding.Programme), Hamamatsu));
        Assert.Contains("Anna Berger, Jonas Keller, Lena Vogt", refusal.Status.Detail);

        // The same company by its id: still the same company.
        var sameById = Samples.Person("Max Fischer", "", Funding.Programme);
        sameById.Organisation = new OrganisationRef { Id = "de-jena-optronik-gmbh" };
        await deployment.Missions.Refused(StatusCode.FailedPrecondition, "max-three-funded-invitees-per-company", () => client.AddPerson(invitation.Id, sameById, Hamamatsu));

        // People at their own expense are not limited; another company has its own three places.
        for (var i = 1; i <= 5; i++)
            invitation = await client.AddPerson(invitation.Id, Samples.Person($"Private guest {i}", "Jena Optronik GmbH", Funding.PrivateExpense), Hamamatsu);
        invitation = await client.AddPerson(invitation.Id, Samples.Person("Clara Weiss", "Carl Zeiss Jena", Funding.Programme), Hamamatsu);
        Assert.Equal((4, 5), (invitation.FundedPersons, invitation.PrivateExpensePersons));

        // Taking one funded invitee off frees the place.
        var jonas = invitation.Roster.Single(r => r.Name == "Jonas Keller");
        invitation = await client.RemovePerson(invitation.Id, jonas.Id, Hamamatsu);
        invitation = await client.AddPerson(invitation.Id, Samples.Person("Max Fischer", "Jena Optronik GmbH", Funding.Programme), Hamamatsu);
        Assert.Equal(3, invitation.Roster.Count(r => r.Funding == Funding.Programme && r.Organisation.Id == "de-jena-optronik-gmbh"));

        invitation = await client.Complete((await client.Confirm(invitation.Id, Hamamatsu)).Id, Hamamatsu);
        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<ActivityCompleted>().Any());
        var completed = events.OfType<ActivityCompleted>().Single();
        Assert.Equal(["Anna Berger", "Lena Vogt", "Clara Weiss", "Max Fischer"], completed.FundedPersons.Select(p => p.Name));
        Assert.Equal(["de-jena-optronik-gmbh", "de-jena-optronik-gmbh", "de-carl-zeiss-jena", "de-jena-optronik-gmbh"], completed.FundedPersons.Select(p => p.OrganisationId));
        Assert.Equal(5, completed.PrivateExpensePersons);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_mission_of_ten_funded_people_may_travel_with_twenty_four(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.ActiveProject();
        var mission = await client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(2007, 11, 12)), Hamamatsu);
        // The three-person limit is the invitation's: a mission takes as many funded people as it plans.
        for (var i = 1; i <= 10; i++)
            mission = await client.AddPerson(mission.Id, Samples.Person($"Funded member {i}", "Hamamatsu Photonics", Funding.Programme, country: "JP"), Hamamatsu);
        for (var i = 1; i <= 14; i++)
            mission = await client.AddPerson(mission.Id, Samples.Person($"Company member {i}", $"Hamamatsu SME {i % 4}", Funding.PrivateExpense, country: "JP"), Hamamatsu);

        Assert.Equal((10, 14, 24), (mission.FundedPersons, mission.PrivateExpensePersons, mission.Roster.Count));
        Assert.All(mission.Roster, r => Assert.Equal("JP", r.Country));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Everyone_on_a_roster_comes_from_an_organisation_and_organisations_recur_across_activities(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var missions = deployment.Missions;
        var project = await deployment.ActiveProject();
        var survey = await client.Plan(Samples.Activity(project.Id, SupportTool.SurveyWithBusinessTrip, new DateOnly(2007, 8, 6)), Hamamatsu);
        var invitation = await client.Plan(Samples.Activity(project.Id, SupportTool.ExpertInvitation, new DateOnly(2008, 2, 4)), Hamamatsu);

        var nobody = Samples.Person("Dr. Ulrich Hahn", "", Funding.Programme);
        nobody.Organisation = null;
        await missions.Refused(StatusCode.FailedPrecondition, "roster-entry-needs-organisation: Dr. Ulrich Hahn has no organisation",
            () => client.AddPerson(invitation.Id, nobody, Hamamatsu));
        var unknownId = Samples.Person("Dr. Ulrich Hahn", "", Funding.Programme);
        unknownId.Organisation = new OrganisationRef { Id = "fraunhofer-iof" };
        await missions.Refused(StatusCode.InvalidArgument, "person.organisation.name: is required for an organisation not recorded yet",
            () => client.AddPerson(invitation.Id, unknownId, Hamamatsu));
        await missions.Refused(StatusCode.InvalidArgument, "person.funding: is required",
            () => client.AddPerson(invitation.Id, Samples.Person("Dr. Ulrich Hahn", "Fraunhofer IOF", Funding.Unspecified), Hamamatsu));

        var expert = Samples.Person("Dr. Ulrich Hahn", "Fraunhofer IOF", Funding.Programme, kind: OrganisationKind.UniversityOrResearch, role: "lecturer");
        expert.Organisation.Id = "fraunhofer-iof";
        invitation = await client.AddPerson(invitation.Id, expert, Hamamatsu);
        survey = await client.AddPerson(survey.Id, Samples.Person("Taro Suzuki", "Hamamatsu Technopolis", Funding.Programme, country: "JP", kind: OrganisationKind.SupportOrganisation, role: "expert"), Hamamatsu);
        survey = await client.RecordMeeting(new RecordMeetingRequest
        {
            ActivityId = survey.Id, Counterpart = new OrganisationRef { Id = "fraunhofer-iof" }, Date = Samples.Date(new DateOnly(2007, 8, 7)),
            Topic = "Precision optics research", Result = MeetingResult.InformationExchange,
        }, Hamamatsu);
        Assert.Equal("Fraunhofer IOF", survey.Meetings.Single().Counterpart.Name);

        var organisations = await client.Organisations(new ListOrganisationsRequest { ProjectId = project.Id }, Hamamatsu);
        var fraunhofer = organisations.Organisations.Single(o => o.Id == "fraunhofer-iof");
        Assert.Equal((2, 1, OrganisationKind.UniversityOrResearch, 2007, 2007), (fraunhofer.ActivityCount, fraunhofer.ProjectCount, fraunhofer.Kind, fraunhofer.FirstFiscalYear, fraunhofer.LastFiscalYear));
        Assert.Equal(["fraunhofer-iof", "jp-hamamatsu-technopolis"], organisations.Organisations.Select(o => o.Id));
        var german = await client.Organisations(new ListOrganisationsRequest { ProjectId = project.Id, Country = "DE", Text = "IOF" }, Hamamatsu);
        Assert.Equal("fraunhofer-iof", Assert.Single(german.Organisations).Id);
    }
}
