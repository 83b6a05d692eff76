namespace Exchange.Messaging.Tests.Ledger;

/// <summary>A message whose consumer always fails, to follow it to the error queue.</summary>
public sealed record LedgerAlarmRaised(Guid AlarmId, bool Rejected);
