namespace Exchange.Contracts.Claims;

/// <summary>
/// After the rollover of <paramref name="FiscalYear"/>, the project's claims of that year are
/// accepted until <paramref name="CutOffAt"/> and refused after it (rule <c>fiscal-year-cut-off</c>).
/// </summary>
public sealed record FiscalYearCutOffSet(Guid ProjectId, int FiscalYear, DateTimeOffset CutOffAt, DateTimeOffset OccurredAt);
