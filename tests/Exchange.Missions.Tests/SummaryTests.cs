using Exchange.Messaging.Persistence;
using Exchange.Missions.Tests.Infrastructure;
using Exchange.Missions.V1;
using Exchange.Projects.V1;
using Exchange.Rpc;

namespace Exchange.Missions.Tests;

/// <summary>
/// The programme's counts, checked against what was logged. The projects here run in FY2016, a
/// year no other test uses, so that the programme's summary of that year holds only these.
/// </summary>
[Collection(MissionsCollection.Name)]
public sealed class SummaryTests(MissionsFixture fixture)
{
    private const int Year = 2016;
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;
    private static readonly Caller Suwa = TieUps.SuwaBody;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Summaries_count_what_was_logged_in_the_programmes_words(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.ActiveProject(TieUps.HamamatsuJena(Year, Year + 2), Year);
        var other = await deployment.ActiveProject(TieUps.SuwaDalian(Year, Year + 2), Year);

        // Dispatching specialist research: one expert.
        await Done(client, project.Id, SupportTool.SurveyWithBusinessTrip, new DateOnly(Year, 5, 9), funded: 1, atOwnExpense: 0);
        // Two missions: 3 funded and 2 at their own expense, then 2 funded; four meetings on the first.
        await Done(client, project.Id, SupportTool.OverseasMission, new DateOnly(Year, 6, 6), funded: 3, atOwnExpense: 2,
            [MeetingResult.Contract, MeetingResult.Negotiation, MeetingResult.FollowUpAgreed, MeetingResult.FollowUpAgreed], outcome: true);
        await Done(client, project.Id, SupportTool.OverseasMission, new DateOnly(Year, 9, 5), funded: 2, atOwnExpense: 0);
        // Invitations to Japan: experts (2), then partners (3 + 1 at own expense, and 4 of two companies + 1).
        await Done(client, project.Id, SupportTool.ExpertInvitation, new DateOnly(Year, 10, 3), funded: 2, atOwnExpense: 0);
        await Done(client, project.Id, SupportTool.PartnerInvitation, new DateOnly(Year, 11, 7), funded: 3, atOwnExpense: 1, [MeetingResult.InformationExchange]);
        await Done(client, project.Id, SupportTool.PartnerInvitation, new DateOnly(Year + 1, 1, 16), funded: 4, atOwnExpense: 1);
        // Not done: a workshop still planned, and a mission cancelled after a meeting was arranged.
        await client.Plan(Samples.Activity(project.Id, SupportTool.WorkshopInJapan, new DateOnly(Year + 1, 2, 20)), Hamamatsu);
        var cancelled = await client.Plan(Samples.Activity(project.Id, SupportTool.OverseasMission, new DateOnly(Year + 1, 3, 6)), Hamamatsu);
        await client.RecordMeeting(Meeting(cancelled, MeetingResult.Negotiation, 0), Hamamatsu);
        await client.AddPerson(cancelled.Id, Samples.Person("Cancelled traveller", "Hamamatsu Photonics", Funding.Programme, country: "JP"), Hamamatsu);
        await client.Cancel(cancelled.Id, "Budget moved to the next fiscal year", Hamamatsu);
        // The other project of the year: one workshop with a lecturer.
        await Done(client, other.Id, SupportTool.WorkshopInJapan, new DateOnly(Year, 7, 4), funded: 1, atOwnExpense: 0, caller: Suwa);

        var summary = await client.ProjectSummary(project.Id, Year, Hamamatsu);
        Assert.Equal(
            [
                "Dispatching specialist research: 1 time, 1 person (1 funded, 0 at private expense)",
                "Inviting specialists to Japan: 1 time, 2 persons (2 funded, 0 at private expense)",
                "Dispatching leading companies overseas: 2 times, 7 persons (5 funded, 2 at private expense)",
                "Inviting leading companies to Japan: 2 times, 9 persons (7 funded, 2 at private expense)",
                "Invitations to Japan: 3 times, 11 persons (9 funded, 2 at private expense)",
                "Dispatches overseas: 3 times, 8 persons (6 funded, 2 at private expense)",
                "Business meetings: 5 (contract 1, negotiation 1, follow-up agreed 2, information exchange 1)",
                "Outcomes reported: 1",
            ],
            summary.Lines);
        Assert.Equal((6, 1, 1), (summary.CompletedActivities, summary.OpenActivities, summary.CancelledActivities));
        Assert.Equal((15, 4), (summary.FundedPersons, summary.PrivateExpensePersons));
        Assert.Equal((3, 11), (summary.InvitationsToJapan.Times, summary.InvitationsToJapan.Persons));
        Assert.Equal([(MeetingResult.Contract, 1), (MeetingResult.Negotiation, 1), (MeetingResult.FollowUpAgreed, 2), (MeetingResult.InformationExchange, 1)],
            summary.MeetingsByResult.Select(m => (m.Result, m.Count)));
        Assert.Equal(summary, await client.ProjectSummary(project.Id, Year, TieUps.JenaPartner));
        Assert.Empty((await client.ProjectSummary(project.Id, Year + 5, Hamamatsu)).BySupportTool);

        var programme = await client.ProgrammeSummary(Year, Caller.Coordinator);
        Assert.Equal(2, programme.ProjectCount);
        Assert.Equal([project.Title, other.Title], programme.Projects.Select(p => p.ProjectTitle));
        Assert.Equal(summary.Lines, programme.Projects.Single(p => p.ProjectId == project.Id).Lines);
        Assert.Equal(["Workshops in Japan: 1 time, 1 person (1 funded, 0 at private expense)"], programme.Total.BySupportTool.Take(1).Select(c => c.Line));
        Assert.Equal((7, 16, 4), (programme.Total.CompletedActivities, programme.Total.FundedPersons, programme.Total.PrivateExpensePersons));
        Assert.Equal("Invitations to Japan: 3 times, 11 persons (9 funded, 2 at private expense)", programme.Total.InvitationsToJapan.Line);

        await deployment.Missions.Refused(StatusCode.PermissionDenied, "programme-summary", () => client.ProgrammeSummary(Year, Hamamatsu));
        await deployment.Missions.Refused(StatusCode.NotFound, "project-access", () => client.ProjectSummary(project.Id, Year, Suwa));
    }

    /// <summary>Plans, staffs, confirms and completes an activity, with meetings and an outcome if asked.</summary>
    private static async Task Done(MissionsClient client, string projectId, SupportTool tool, DateOnly start, int funded, int atOwnExpense,
        MeetingResult[]? meetings = null, bool outcome = false, Caller? caller = null)
    {
        caller ??= Hamamatsu;
        meetings ??= [];
        var activity = await client.Plan(Samples.Activity(projectId, tool, start), caller);
        // Two companies when more than three are funded, as an invitation of business partners needs.
        for (var i = 0; i < funded; i++)
            activity = await client.AddPerson(activity.Id, Samples.Person($"Funded {i}", i < 3 ? "Jena Optronik GmbH" : "Carl Zeiss Jena", Funding.Programme), caller);
        for (var i = 0; i < atOwnExpense; i++)
            activity = await client.AddPerson(activity.Id, Samples.Person($"Own expense {i}", "Jena Optronik GmbH", Funding.PrivateExpense), caller);
        activity = await client.Confirm(activity.Id, caller);
        for (var i = 0; i < meetings.Length; i++) activity = await client.RecordMeeting(Meeting(activity, meetings[i], i % 5), caller);
        activity = await client.Complete(activity.Id, caller);
        if (outcome)
            await client.ReportOutcome(new ReportOutcomeRequest
            {
                ActivityId = activity.Id, OutcomeId = "contract-1", Kind = AchievementKind.DevelopmentContract,
                AchievedOn = activity.EndDate, Description = "Development contract for coated lenses",
            }, caller);
    }

    private static RecordMeetingRequest Meeting(Activity activity, MeetingResult result, int day) => new()
    {
        ActivityId = activity.Id,
        Counterpart = new OrganisationRef { Name = $"Counterpart {result}", Country = "DE", Kind = OrganisationKind.Company },
        Date = Samples.Date(new DateOnly(activity.StartDate.Year, activity.StartDate.Month, activity.StartDate.Day).AddDays(day)),
        Topic = "Business meeting",
        Result = result,
    };
}
