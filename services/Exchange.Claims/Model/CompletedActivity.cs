using Exchange.Missions.V1;

namespace Exchange.Claims.Model;

/// <summary>What a claim takes over from the activity it is for, as reported when it was completed.</summary>
public sealed record CompletedActivity(
    Guid ActivityId,
    Guid ProjectId,
    int FiscalYear,
    SupportTool SupportTool,
    DateOnly Start,
    DateOnly End,
    List<string> Places,
    List<FundedPersonValue> FundedPeople,
    int PrivateExpensePersons,
    DateTimeOffset CompletedAt);
