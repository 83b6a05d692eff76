using Exchange.Common.V1;
using Exchange.Missions.V1;
using Exchange.Projects.V1;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>
/// The project every call of the authorization matrix aims at: Hamamatsu - Jena, active, with an
/// invitation that has a roster entry and a meeting. Everything it holds carries the marker, so
/// that any response can be searched for a trace of it.
/// </summary>
public sealed record MatrixTarget(TieUp TieUp, string RosterEntryId, string MeetingId)
{
    public string ProjectId => TieUp.Project.Id;

    public string ActivityId => TieUp.Invitation.Id;

    public string Marker => TieUp.Marker;

    /// <summary>What no response to a caller that is not a party may contain.</summary>
    public IEnumerable<string> Traces => [ProjectId, ActivityId, Marker, RosterEntryId, MeetingId];

    public static async Task<MatrixTarget> StartAsync(Platform platform)
    {
        var tieUp = await TieUp.StartAsync(platform);
        using var body = platform.Rpc(TieUps.HamamatsuBody);
        var activity = await body.Call<AddRosterEntryRequest, Activity>(TieUp.MissionsService, "AddRosterEntry", new AddRosterEntryRequest
        {
            ActivityId = tieUp.Invitation.Id,
            Person = Marked.Delegate($"Klaus Richter {tieUp.Marker}", tieUp.Marker),
        });
        activity = await body.Call<RecordMeetingRequest, Activity>(TieUp.MissionsService, "RecordMeeting", new RecordMeetingRequest
        {
            ActivityId = tieUp.Invitation.Id,
            Counterpart = new OrganisationRef { Name = $"Jena Optik {tieUp.Marker}", Country = "DE", Kind = OrganisationKind.Company },
            Date = new Date { Year = 2007, Month = 10, Day = 16 },
            Topic = $"Lens coatings {tieUp.Marker}",
            Result = MeetingResult.FollowUpAgreed,
        });
        return new MatrixTarget(tieUp, activity.Roster.Single().Id, activity.Meetings.Single().Id);
    }
}
