namespace Exchange.Reliability.Ledger;

/// <summary>
/// The consuming service's effect of one PostingRecorded: one row per handling, deliberately
/// without a unique key, so that a second effect of one event shows as a second row.
/// </summary>
public sealed class AppliedPosting
{
    public Guid Id { get; set; }

    public int Index { get; set; }

    public Guid MessageId { get; set; }
}
