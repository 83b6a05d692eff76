namespace Exchange.Reliability.Ledger;

/// <summary>A posting the publishing service recorded (its state change).</summary>
public sealed class Posting
{
    public int Index { get; set; }

    public long Amount { get; set; }
}
