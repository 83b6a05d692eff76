using Exchange.Missions.V1;

namespace Exchange.Missions.Rules;

/// <summary>
/// A completed activity is the record cost claims are made from: its plan, roster and meetings
/// change only after it is reopened, with a reason, by its implementation body or a coordinator.
/// </summary>
public sealed class CompletedActivityIsReadOnlyRule(ActivityStatus status) : BusinessRule
{
    public override string Name => "completed-activity-is-read-only";

    public override bool IsBroken() => status == ActivityStatus.Completed;

    public override string Explain() => "the activity is completed and its record is read-only; reopen it (ReopenActivity, with a reason) to correct it";
}
