namespace Exchange.Missions.Rules;

/// <summary>An activity ends on or after the day it starts.</summary>
public sealed class DatesInOrderRule(DateOnly start, DateOnly end) : BusinessRule
{
    public override string Name => "dates-in-order";

    public override bool IsBroken() => end < start;

    public override string Explain() => $"the activity ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})";
}
