namespace Exchange.Contracts.Claims;

/// <summary>
/// The fiscal year of a coordinator's contract was closed and its project was not continued into
/// the next one: the contract ended. It is still renewed if the project is continued later.
/// </summary>
public sealed record CoordinatorContractExpired(Guid ContractId, Guid ProjectId, int FiscalYear, string Side, DateTimeOffset OccurredAt);
