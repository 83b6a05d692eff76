namespace Exchange.Rpc.Benchmark;

/// <summary>How the load generator drives every target: the same for all of them.</summary>
public sealed record LoadSettings(
    TimeSpan Duration,
    TimeSpan WarmUp,
    int Connections,
    int StreamsPerConnection,
    int Threads,
    int Runs)
{
    public int CallsInFlight => Connections * StreamsPerConnection;

    public override string ToString() =>
        $"{Runs} runs of {Duration.TotalSeconds:0.#} s per target after a {WarmUp.TotalSeconds:0.#} s warm-up; "
        + $"{Connections} connections x {StreamsPerConnection} streams = {CallsInFlight} calls in flight; "
        + $"{Threads} load generator thread(s)";
}
