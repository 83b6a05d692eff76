namespace Exchange.Contracts.Claims;

/// <summary>A coordinator returned the claim to the implementation body for revision.</summary>
public sealed record ClaimReturned(Guid ClaimId, Guid ProjectId, int FiscalYear, string Reason, string ReturnedBy, DateTimeOffset OccurredAt);
