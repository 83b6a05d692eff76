namespace Exchange.Contracts.Claims;

/// <summary>A coordinator took the claim under review.</summary>
public sealed record ClaimReviewStarted(Guid ClaimId, Guid ProjectId, int FiscalYear, string ReviewedBy, DateTimeOffset OccurredAt);
