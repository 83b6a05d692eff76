namespace Exchange.Contracts.Missions;

/// <summary>
/// A mission, invitation, survey or workshop was planned for a project. <paramref name="SupportTool"/>
/// is a support tool name of exchange.missions.v1 ("OverseasMission", "PartnerInvitation", ...);
/// <paramref name="Direction"/> is "Outbound" or "Inbound". Dates are calendar dates (UTC midnight).
/// </summary>
public sealed record ActivityPlanned(
    Guid ActivityId,
    Guid ProjectId,
    int FiscalYear,
    string SupportTool,
    string Direction,
    string Title,
    DateTime StartDate,
    DateTime EndDate,
    string[] Places,
    string PlannedBy,
    DateTimeOffset OccurredAt);
