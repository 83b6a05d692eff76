using System.Globalization;
using System.Text;

namespace Exchange.Rpc.Benchmark;

/// <summary>
/// The Markdown result: machine and settings, one row per target from its median run, then the
/// throughput ratios against the targets of the issue (2x grpc-js, 70 % of bare Kestrel).
/// </summary>
public sealed class BenchmarkReport(BenchmarkOptions options, MachineInfo machine, IReadOnlyDictionary<string, List<LoadRun>> runs)
{
    public const double GrpcJsTarget = 2.0;
    public const double KestrelTarget = 0.70;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"## Exchange.Rpc unary call benchmark");
        Line($"");
        Line($"- machine: {machine.Cores} cores, {machine.Processor}; load average {machine.LoadAverageBefore} before, {machine.LoadAverageAfter} after");
        Line($"- software: {machine.Runtime} ({(options.ServerGc ? "server" : "workstation")} GC for both .NET servers), node {machine.Node}, {machine.H2Load}");
        Line($"- call: POST {BenchmarkCall.Path} over h2c on loopback, application/grpc, request {BenchmarkCall.RequestFrame.Length} bytes (SimpleRequest response_size={BenchmarkCall.ResponseSize}), response {BenchmarkCall.ResponseFrame.Length} bytes");
        Line($"- load: {options.Load}");
        Line($"- figures: the median run (by requests/s) of each target; latency percentiles over every call of that run; server CPU is the target process's user+system time over the run");
        Line($"");
        Line($"| target | requests/s | p50 ms | p99 ms | server CPU µs/call | requests/s of each run |");
        Line($"|---|---:|---:|---:|---:|---|");
        var medians = new Dictionary<string, LoadRun>();
        foreach (var (target, list) in runs)
        {
            var median = list.OrderBy(r => r.RequestsPerSecond).ElementAt((list.Count - 1) / 2);
            medians[target] = median;
            var cpuPerCall = median.ServerCpuSeconds * 1e6 / median.Succeeded;
            var each = string.Join(", ", list.Select(r => r.RequestsPerSecond.ToString("0", CultureInfo.InvariantCulture)));
            Line($"| {Target.Title(target)} | {median.RequestsPerSecond:0} | {median.P50Milliseconds:0.00} | {median.P99Milliseconds:0.00} | {cpuPerCall:0.0} | {each} |");
        }
        Line($"");
        Line($"Throughput ratios: each round runs the targets one after the other, so a round's ratio compares runs made under");
        Line($"the same conditions; the verdict uses the median of the rounds' ratios.");
        Line($"");
        if (runs.ContainsKey(Target.Ours))
        {
            if (runs.ContainsKey(Target.GrpcJs))
                Ratio(text, "ours / grpc-js", RoundRatios(Target.GrpcJs), GrpcJsTarget, $"at least {GrpcJsTarget:0.0}x");
            if (runs.ContainsKey(Target.Kestrel))
                Ratio(text, "ours / bare Kestrel", RoundRatios(Target.Kestrel), KestrelTarget, $"at least {KestrelTarget:0.00}");
        }
        return text.ToString();
    }

    private double[] RoundRatios(string other) =>
        runs[Target.Ours].Zip(runs[other], (ours, them) => ours.RequestsPerSecond / them.RequestsPerSecond).ToArray();

    private static void Ratio(StringBuilder text, string name, double[] ratios, double target, string goal)
    {
        var sorted = ratios.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        var each = string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"- {name}: {median:0.00} (rounds: {each}); target {goal}: {(median >= target ? "pass" : "MISS")}"));
    }
}
