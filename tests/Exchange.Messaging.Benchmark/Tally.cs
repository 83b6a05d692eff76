namespace Exchange.Messaging.Benchmark;

/// <summary>The state both sides change: a counter per stream (the producer's own, and the consumer's copy).</summary>
public sealed class Tally
{
    public int Stream { get; set; }

    public long Total { get; set; }
}
