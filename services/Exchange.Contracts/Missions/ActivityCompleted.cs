namespace Exchange.Contracts.Missions;

/// <summary>
/// The activity took place. Carries what a cost claim needs: the support tool, the fiscal year and
/// dates, and the funded people with their organisations (people at private expense only counted).
/// A reopened activity that is completed again publishes this event again; the later one holds.
/// </summary>
public sealed record ActivityCompleted(
    Guid ActivityId,
    Guid ProjectId,
    int FiscalYear,
    string SupportTool,
    string Direction,
    DateTime StartDate,
    DateTime EndDate,
    string[] Places,
    FundedParticipant[] FundedPersons,
    int PrivateExpensePersons,
    int MeetingCount,
    DateTimeOffset OccurredAt);
