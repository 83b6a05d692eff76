namespace Exchange.Rpc.Benchmark;

/// <summary>The figures of one measured run against one target.</summary>
public sealed record LoadRun(
    string Target,
    double RequestsPerSecond,
    long Succeeded,
    double P50Milliseconds,
    double P99Milliseconds,
    double ServerCpuSeconds);
