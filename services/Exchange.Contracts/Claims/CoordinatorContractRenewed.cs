namespace Exchange.Contracts.Claims;

/// <summary>The project was continued, and with it its coordinator's contract into the next fiscal year.</summary>
public sealed record CoordinatorContractRenewed(
    Guid ContractId,
    Guid PreviousContractId,
    Guid ProjectId,
    int PreviousFiscalYear,
    int FiscalYear,
    string Side,
    DateTimeOffset OccurredAt);
