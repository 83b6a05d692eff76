using Exchange.Claims.V1;
using Exchange.Missions.V1;

namespace Exchange.Cli.Demo;

/// <summary>
/// One activity of the demo: what is logged, how far it goes, and, once completed, how far its
/// claim goes and with which lines. <see cref="ByBody"/>: logged and claimed by the project's
/// implementation body (with its demo key) rather than by the coordinator.
/// </summary>
public sealed record DemoActivity(
    string Key,
    string ProjectKey,
    SupportTool Tool,
    string Title,
    string Purpose,
    DateOnly Start,
    DateOnly End,
    Place[] Places,
    PersonInput[] Roster,
    ActivityStatus Goal,
    ClaimStatus? ClaimGoal = null,
    Func<DemoClaimLines, IEnumerable<ClaimLine>>? Lines = null,
    bool ByBody = false)
{
    public DemoMeeting[] Meetings { get; init; } = [];

    public DemoOutcome? Outcome { get; init; }

    public string RequestId => $"demo-{Key}";
}

/// <summary>A business meeting held during a demo activity.</summary>
public sealed record DemoMeeting(string Counterpart, string Country, OrganisationKind Kind, DateOnly Date, string Topic, MeetingResult Result);

/// <summary>An outcome reported for a demo activity, recorded by Projects as an achievement.</summary>
public sealed record DemoOutcome(string Id, Exchange.Projects.V1.AchievementKind Kind, DateOnly Date, string Description);
