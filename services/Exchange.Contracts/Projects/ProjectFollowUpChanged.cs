namespace Exchange.Contracts.Projects;

/// <summary>
/// Follow-up started or was reviewed: <paramref name="ExchangeStatus"/> is "Continuing" or "Ceased",
/// or "NotYetReviewed" when the lifecycle started the follow-up by itself (claims closed and
/// follow-up surveys scheduled); <paramref name="FiscalYear"/> is the reviewed year, 0 when follow-up started.
/// </summary>
public sealed record ProjectFollowUpChanged(Guid ProjectId, string ExchangeStatus, int FiscalYear, DateTimeOffset OccurredAt);
