namespace Exchange.Messaging.Benchmark;

/// <summary>What one run measured: end to end from the first producer commit to the last consumer commit.</summary>
public sealed record RunFigures(int Events, int Consumed, int Copies, TimeSpan Producing, TimeSpan EndToEnd, double P50Ms, double P99Ms)
{
    /// <summary>CPU time of this process (producer, dispatcher and consumer together) per event; the broker's and PostgreSQL's are not in it.</summary>
    public double CpuMsPerEvent { get; init; }

    public double EventsPerSecond => Consumed / EndToEnd.TotalSeconds;

    public double ProducedPerSecond => Producing == TimeSpan.Zero ? double.NaN : Events / Producing.TotalSeconds;
}
