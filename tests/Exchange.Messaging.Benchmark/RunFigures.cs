namespace Exchange.Messaging.Benchmark;

/// <summary>What one run measured: end to end from the first producer commit to the last consumer commit.</summary>
public sealed record RunFigures(int Events, int Consumed, int Copies, TimeSpan Producing, TimeSpan EndToEnd, double P50Ms, double P99Ms)
{
    /// <summary>CPU per event of this process (writers, dispatcher and consumer together), the broker and PostgreSQL.</summary>
    public CpuUse Cpu { get; init; } = CpuUse.None;

    public double EventsPerSecond => Consumed / EndToEnd.TotalSeconds;

    public double ProducedPerSecond => Producing == TimeSpan.Zero ? double.NaN : Events / Producing.TotalSeconds;
}
