namespace Exchange.Contracts.Claims;

/// <summary>
/// A completed project's closing period ended: no claim of it is accepted any more. Published
/// once per project. <paramref name="UndecidedClaims"/> were submitted and still wait for a
/// coordinator's decision (they are still reviewed and paid); <paramref name="PaidJpy"/> is what
/// the programme paid on the project's claims, whole yen.
/// </summary>
public sealed record ProjectClaimsClosed(
    Guid ProjectId,
    int LastFiscalYear,
    DateTimeOffset Deadline,
    int UndecidedClaims,
    long PaidJpy,
    DateTimeOffset OccurredAt);
