using System.Globalization;
using System.Text;

namespace Exchange.Gateway.Benchmark;

/// <summary>
/// The Markdown table of the README: per protocol and route, the median over the rounds of the
/// throughput (many calls in flight) and of the latency percentiles (one call at a time), then the
/// gateway's cost against the targets: at least 60 % of direct throughput, at most 0.5 ms added at p50.
/// </summary>
public static class BenchmarkReport
{
    public const double ThroughputTarget = 0.60;
    public const double AddedP50Target = 0.5;

    public static string Render(BenchmarkOptions options, IReadOnlyList<LoadTarget> targets,
        IReadOnlyDictionary<LoadTarget, List<LoadRun>> latency, IReadOnlyDictionary<LoadTarget, List<LoadRun>> throughput)
    {
        var report = new StringBuilder();
        report.AppendLine(Invariant($"GetProject on the Projects service (SQLite), {Environment.ProcessorCount} cores, h2load."));
        report.AppendLine(Invariant($"Throughput: {options.Rounds} rounds of {options.Duration.TotalSeconds:0} s, medians; gRPC {H2Load.Concurrency.Saturating(targets[0])}, JSON {H2Load.Concurrency.Saturating(targets[^1])} (HTTP/1.1)."));
        report.AppendLine(Invariant($"Latency: one call at a time, {options.Rounds * options.Duration.TotalSeconds:0} s per route in one-second slices taken by the routes in turn; percentiles over all calls."));
        if (options.GatewaySettings.Count > 0)
            report.AppendLine("Gateway settings: " + Settings(options.GatewaySettings) + ".");
        if (options.CompareSettings.Count > 0)
            report.AppendLine($"Compared gateway (latency only, in the second table): {Settings(options.CompareSettings)}.");
        report.AppendLine();
        report.AppendLine("| protocol | route | requests/s | p50 ms | p99 ms |");
        report.AppendLine("|---|---|---:|---:|---:|");
        foreach (var target in targets)
        {
            report.AppendLine(Invariant($"| {target.Protocol} | {target.Route} | {Median(throughput[target], r => r.RequestsPerSecond):N0} | {LoadRun.Pooled(latency[target], 0.50):0.00} | {LoadRun.Pooled(latency[target], 0.99):0.00} |"));
        }
        report.AppendLine();
        foreach (var protocol in targets.Select(t => t.Protocol).Distinct())
        {
            var direct = targets.Single(t => t.Protocol == protocol && t.Route == LoadTarget.Direct);
            var gateway = targets.Single(t => t.Protocol == protocol && t.Route == LoadTarget.Gateway);
            // Per round, then the median: direct and gateway of a round ran back to back.
            var ratio = Median(Enumerable.Range(0, options.Rounds).Select(i => throughput[gateway][i].RequestsPerSecond / throughput[direct][i].RequestsPerSecond));
            var addedP50 = Added(latency, gateway, direct, 0.50);
            var addedP99 = Added(latency, gateway, direct, 0.99);
            var throughputVerdict = ratio >= ThroughputTarget ? "met" : "missed";
            var latencyVerdict = addedP50 <= AddedP50Target ? "met" : "missed";
            report.AppendLine(Invariant($"- {protocol}: through the gateway {ratio:P0} of direct throughput (target at least {ThroughputTarget:P0}: {throughputVerdict}); added latency p50 {addedP50:0.00} ms (target at most {AddedP50Target} ms: {latencyVerdict}), p99 {addedP99:0.00} ms."));
        }
        return report.ToString();
    }

    /// <summary>
    /// Per protocol, the p50 each route adds to the direct call (over all calls): one more
    /// process copying bytes, a lean proxy in C, YARP alone, and the gateway; the gateway's own work
    /// is what it adds to YARP.
    /// </summary>
    public static string RenderFloors(BenchmarkOptions options, IReadOnlyList<LoadTarget> targets, IReadOnlyDictionary<LoadTarget, List<LoadRun>> latency)
    {
        var report = new StringBuilder();
        report.AppendLine("Added p50 latency against the direct call, ms (one call at a time):");
        report.AppendLine();
        var compared = options.CompareSettings.Count > 0;
        report.AppendLine($"| protocol | {LoadTarget.Relay} | {LoadTarget.HaProxy} | {LoadTarget.BareYarp} | {LoadTarget.Gateway} | gateway's own work |"
            + (compared ? $" {LoadTarget.Compared} |" : ""));
        report.AppendLine("|---|---:|---:|---:|---:|---:|" + (compared ? "---:|" : ""));
        foreach (var protocol in targets.Select(t => t.Protocol).Distinct())
        {
            var routes = targets.Where(t => t.Protocol == protocol).ToDictionary(t => t.Route);
            double Over(string route, string baseline = LoadTarget.Direct) => Added(latency, routes[route], routes[baseline], 0.50);
            report.AppendLine(Invariant($"| {protocol} | {Over(LoadTarget.Relay):0.00} | {Over(LoadTarget.HaProxy):0.00} | {Over(LoadTarget.BareYarp):0.00} | {Over(LoadTarget.Gateway):0.00} | {Over(LoadTarget.Gateway, LoadTarget.BareYarp):0.00} |")
                + (compared ? Invariant($" {Over(LoadTarget.Compared):0.00} |") : ""));
        }
        return report.ToString();
    }

    private static string Settings(IReadOnlyDictionary<string, string> settings) => string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));

    /// <summary>What <paramref name="route"/> adds to <paramref name="baseline"/> at a percentile, over all calls of each.</summary>
    private static double Added(IReadOnlyDictionary<LoadTarget, List<LoadRun>> latency, LoadTarget route, LoadTarget baseline, double fraction) =>
        LoadRun.Pooled(latency[route], fraction) - LoadRun.Pooled(latency[baseline], fraction);

    private static double Median(IEnumerable<LoadRun> runs, Func<LoadRun, double> value) => Median(runs.Select(value));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
