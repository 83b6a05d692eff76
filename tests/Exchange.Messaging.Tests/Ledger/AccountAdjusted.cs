namespace Exchange.Messaging.Tests.Ledger;

/// <summary>Handled by a consumer that fails its first <paramref name="FailingAttempts"/> attempts after changing state.</summary>
public sealed record AccountAdjusted(Guid AccountId, long Amount, int FailingAttempts);
