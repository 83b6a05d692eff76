namespace Exchange.Messaging.Benchmark;

/// <summary>The benchmark's event: one more unit recorded on a tally, the <paramref name="Index"/>-th event of the run.</summary>
public sealed record TallyRecorded(int Stream, int Index, long Total);
