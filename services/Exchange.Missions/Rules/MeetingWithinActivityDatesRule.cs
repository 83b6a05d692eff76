namespace Exchange.Missions.Rules;

/// <summary>A business meeting of an activity is held on one of the activity's days.</summary>
public sealed class MeetingWithinActivityDatesRule(DateOnly date, DateOnly start, DateOnly end) : BusinessRule
{
    public override string Name => "meeting-within-activity-dates";

    public override bool IsBroken() => date < start || date > end;

    public override string Explain() => $"the meeting on {date:yyyy-MM-dd} falls outside the activity's dates ({start:yyyy-MM-dd} to {end:yyyy-MM-dd})";
}
