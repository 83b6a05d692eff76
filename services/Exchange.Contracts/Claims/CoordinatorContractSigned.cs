namespace Exchange.Contracts.Claims;

/// <summary>
/// A project retained a coordinator for a fiscal year: <paramref name="Side"/> is "Japan" or
/// "Overseas"; amounts are whole yen.
/// </summary>
public sealed record CoordinatorContractSigned(
    Guid ContractId,
    Guid ProjectId,
    int FiscalYear,
    string Side,
    string CoordinatorName,
    long CommissionFeeJpy,
    long TravelBudgetJpy,
    DateTimeOffset OccurredAt);
