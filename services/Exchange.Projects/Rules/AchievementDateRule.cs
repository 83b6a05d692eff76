namespace Exchange.Projects.Rules;

/// <summary>
/// An achievement belongs to the tie-up: it comes no earlier than the start of the first
/// supported fiscal year, and not in the future.
/// </summary>
public sealed class AchievementDateRule(DateOnly date, DateOnly supportStart, DateOnly today) : BusinessRule
{
    public override string Name => "achievement-date";

    public override bool IsBroken() => date < supportStart || date > today;

    public override string Explain() => date > today
        ? $"the achievement date {date:yyyy-MM-dd} is in the future"
        : $"the achievement date {date:yyyy-MM-dd} precedes the supported period, which starts {supportStart:yyyy-MM-dd}";
}
