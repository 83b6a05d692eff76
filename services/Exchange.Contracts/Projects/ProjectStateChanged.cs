namespace Exchange.Contracts.Projects;

/// <summary>
/// The state of a project after any change, published with every change. Other services keep
/// read models of projects from it; a snapshot with a lower <paramref name="Version"/> than the one
/// held is stale and ignored. The descriptive fields at the end (added later, so optional for older
/// publishers) carry what analysis by project needs: <paramref name="Sector"/>, <paramref name="Bureau"/>
/// and <paramref name="WorldAreas"/> are names of exchange.common.v1 enums ("MetalMechanical", "Chubu",
/// "Europe"), <paramref name="Countries"/> ISO 3166-1 alpha-2 codes, <paramref name="FirstAchievementTiming"/>
/// "DuringSupport", "AfterSupport" or "NotYet".
/// </summary>
public sealed record ProjectStateChanged(
    Guid ProjectId,
    string Programme,
    string Title,
    string Status,
    long Version,
    string DomesticBodyId,
    string[] OverseasBodyIds,
    int[] SupportedFiscalYears,
    int PlannedFirstYear,
    int PlannedLastYear,
    DateTimeOffset OccurredAt,
    string DomesticBodyName = "",
    string Sector = "",
    string Theme = "",
    string Bureau = "",
    string Prefecture = "",
    string[]? Countries = null,
    string[]? WorldAreas = null,
    string FirstAchievementTiming = "");
