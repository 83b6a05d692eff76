namespace Exchange.Messaging.Tests.Ledger;

public sealed record AccountCredited(Guid AccountId, long Amount, int Index);
