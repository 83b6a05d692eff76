namespace Exchange.Contracts.Projects;

/// <summary>
/// The programme closed fiscal year <paramref name="ClosedFiscalYear"/> and opened
/// <paramref name="FiscalYear"/> (on 1 April, Japan time, or when a coordinator rolled it over).
/// Published once per fiscal year. <paramref name="ClosedYearProjectIds"/> are the projects supported
/// in the closed year (their claims of that year get a cut-off date); of them,
/// <paramref name="ContinuedProjectIds"/> are supported in the new year too (their budgets of the new
/// year open), and <paramref name="AwaitingDecisionProjectIds"/> were active and not continued: they
/// wait for a coordinator to continue or complete them. <paramref name="ClosedProjectIds"/> are
/// projects whose follow-up the rollover ended (<c>Lifecycle:MaxFollowUpFiscalYears</c>).
/// </summary>
public sealed record FiscalYearRolledOver(
    int FiscalYear,
    int ClosedFiscalYear,
    Guid[] ClosedYearProjectIds,
    Guid[] ContinuedProjectIds,
    Guid[] AwaitingDecisionProjectIds,
    Guid[] ClosedProjectIds,
    string RolledOverBy,
    DateTimeOffset OccurredAt);
