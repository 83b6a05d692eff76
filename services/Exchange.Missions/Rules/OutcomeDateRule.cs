namespace Exchange.Missions.Rules;

/// <summary>An outcome comes no earlier than the activity that led to it, and not in the future.</summary>
public sealed class OutcomeDateRule(DateOnly achievedOn, DateOnly activityStart, DateOnly today) : BusinessRule
{
    public override string Name => "outcome-date";

    public override bool IsBroken() => achievedOn < activityStart || achievedOn > today;

    public override string Explain() => achievedOn > today
        ? $"the outcome date {achievedOn:yyyy-MM-dd} is in the future"
        : $"the outcome date {achievedOn:yyyy-MM-dd} precedes the activity, which starts {activityStart:yyyy-MM-dd}";
}
