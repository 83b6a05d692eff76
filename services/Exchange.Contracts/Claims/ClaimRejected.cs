namespace Exchange.Contracts.Claims;

/// <summary>A coordinator rejected the claim; nothing of it is paid.</summary>
public sealed record ClaimRejected(Guid ClaimId, Guid ProjectId, int FiscalYear, string Reason, string RejectedBy, DateTimeOffset OccurredAt);
