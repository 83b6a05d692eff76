namespace Exchange.Contracts.Projects;

/// <summary>
/// The follow-up status of a completed project changed: <paramref name="Status"/> is
/// "ExchangeContinuing" or "ExchangeCeased".
/// </summary>
public sealed record ProjectFollowUpChanged(
    Guid ProjectId,
    string Status,
    DateTimeOffset OccurredAt);
