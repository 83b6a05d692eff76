namespace Exchange.Reliability.Ledger;

/// <summary>The ledger's event: posting number <paramref name="Index"/> of a run was recorded.</summary>
public sealed record PostingRecorded(Guid Run, int Index, long Amount);
