using Exchange.Missions.V1;

namespace Exchange.Missions.Rules;

/// <summary>
/// The lifecycle of an activity: planned -> confirmed -> completed; planned or confirmed ->
/// cancelled; completed -> confirmed by reopening. The plan, the roster and the meetings change
/// while the activity is planned or confirmed; attendance and outcomes are reported once it runs.
/// </summary>
public sealed class ActivityLifecycleRule(ActivityStatus from, ActivityAction action) : BusinessRule
{
    private static readonly Dictionary<ActivityAction, ActivityStatus[]> AllowedFrom = new()
    {
        [ActivityAction.Confirm] = [ActivityStatus.Planned],
        [ActivityAction.Complete] = [ActivityStatus.Confirmed],
        [ActivityAction.Cancel] = [ActivityStatus.Planned, ActivityStatus.Confirmed],
        [ActivityAction.Reopen] = [ActivityStatus.Completed],
        [ActivityAction.Revise] = [ActivityStatus.Planned, ActivityStatus.Confirmed],
        [ActivityAction.ChangeRoster] = [ActivityStatus.Planned, ActivityStatus.Confirmed],
        [ActivityAction.RegisterDelegate] = [ActivityStatus.Planned, ActivityStatus.Confirmed],
        [ActivityAction.RecordMeeting] = [ActivityStatus.Planned, ActivityStatus.Confirmed],
        [ActivityAction.ConfirmAttendance] = [ActivityStatus.Confirmed, ActivityStatus.Completed],
        [ActivityAction.ReportOutcome] = [ActivityStatus.Confirmed, ActivityStatus.Completed],
    };

    public override string Name => "activity-lifecycle";

    public override bool IsBroken() => !AllowedFrom[action].Contains(from);

    public override string Explain() =>
        $"cannot {Describe(action)} an activity that is {from.ToString().ToLowerInvariant()}; allowed from: " +
        string.Join(", ", AllowedFrom[action].Select(s => s.ToString().ToLowerInvariant()));

    private static string Describe(ActivityAction action) => action switch
    {
        ActivityAction.Revise => "update",
        ActivityAction.ChangeRoster => "change the roster of",
        ActivityAction.RegisterDelegate => "register a delegate for",
        ActivityAction.RecordMeeting => "record a meeting of",
        ActivityAction.ConfirmAttendance => "confirm attendance at a meeting of",
        ActivityAction.ReportOutcome => "report an outcome of",
        _ => action.ToString().ToLowerInvariant(),
    };
}

public enum ActivityAction
{
    Confirm,
    Complete,
    Cancel,
    Reopen,
    Revise,
    ChangeRoster,
    RegisterDelegate,
    RecordMeeting,
    ConfirmAttendance,
    ReportOutcome,
}
