using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Exchange.Gateway.Benchmark;

/// <summary>
/// h2load (nghttp2) against one target: gRPC over h2c, or with <c>--h1</c> Connect JSON over
/// HTTP/1.1. Requests per second come from its summary, latency percentiles from its
/// per-request log. Any failed request or non-200 status fails the run.
/// </summary>
public static partial class H2Load
{
    /// <summary>How many calls are in flight: a few for latency, many for throughput.</summary>
    public sealed record Concurrency(int Connections, int Streams, int Threads)
    {
        public static readonly Concurrency One = new(1, 1, 1);

        public static Concurrency Saturating(LoadTarget target) => target.Http1 ? new(32, 1, 2) : new(4, 16, 2);

        public override string ToString() => Streams == 1 ? $"{Connections} connection(s)" : $"{Connections} connections x {Streams} streams";
    }

    public static async Task<LoadRun> RunAsync(LoadTarget target, Concurrency concurrency, TimeSpan duration, string workFolder)
    {
        var log = Path.Combine(workFolder, $"h2load-{Guid.NewGuid():N}.log");
        var info = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var arguments = new List<string>
        {
            "--duration", duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            "--clients", concurrency.Connections.ToString(CultureInfo.InvariantCulture),
            "--max-concurrent-streams", concurrency.Streams.ToString(CultureInfo.InvariantCulture),
            "--threads", concurrency.Threads.ToString(CultureInfo.InvariantCulture),
            "--data", target.BodyFile,
            "--log-file", log,
        };
        if (target.Http1) arguments.Add("--h1");
        foreach (var header in target.Headers) arguments.AddRange(["--header", header]);
        arguments.Add(target.Url.ToString());
        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        using var process = Process.Start(info) ?? throw new InvalidOperationException("h2load did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        try
        {
            if (process.ExitCode != 0) throw new InvalidOperationException($"h2load failed against {target.Name} (exit {process.ExitCode}): {await errors}{output}");
            var rate = Check(target, output);
            var latencies = Latencies(log, target);
            return new LoadRun(rate, latencies);
        }
        finally
        {
            File.Delete(log);
        }
    }

    private static double Check(LoadTarget target, string output)
    {
        var finished = FinishedLine().Match(output);
        var requests = RequestsLine().Match(output);
        var statuses = StatusLine().Match(output);
        if (!finished.Success || !requests.Success || !statuses.Success) throw new InvalidOperationException($"Unexpected h2load output for {target.Name}:\n{output}");
        long Count(Match match, string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        if (Count(requests, "failed") + Count(requests, "errored") + Count(requests, "timeout") + Count(statuses, "s3") + Count(statuses, "s4") + Count(statuses, "s5") > 0
            || Count(requests, "succeeded") == 0)
            throw new InvalidOperationException($"{target.Name} failed calls under load:\n{requests.Value}\n{statuses.Value}");
        return double.Parse(finished.Groups["rate"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Milliseconds per completed call, sorted.</summary>
    private static double[] Latencies(string log, LoadTarget target)
    {
        var latencies = new List<double>();
        foreach (var line in File.ReadLines(log))
        {
            // start time (µs since epoch) TAB HTTP status TAB µs until the end of the response
            var columns = line.Split('\t');
            if (columns.Length < 3) continue;
            if (columns[1] != "200") throw new InvalidOperationException($"{target.Name} answered HTTP {columns[1]} under load");
            latencies.Add(long.Parse(columns[2], CultureInfo.InvariantCulture) / 1000.0);
        }
        if (latencies.Count == 0) throw new InvalidOperationException($"{target.Name}: h2load logged no completed call");
        latencies.Sort();
        return [.. latencies];
    }

    [GeneratedRegex(@"^finished in [0-9.]+\w+, (?<rate>[0-9.]+) req/s", RegexOptions.Multiline)]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"^requests: \d+ total, \d+ started, \d+ done, (?<succeeded>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored, (?<timeout>\d+) timeout", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^status codes: \d+ 2xx, (?<s3>\d+) 3xx, (?<s4>\d+) 4xx, (?<s5>\d+) 5xx", RegexOptions.Multiline)]
    private static partial Regex StatusLine();
}

/// <summary>One load run: requests per second, and the milliseconds of each completed call, sorted.</summary>
public sealed record LoadRun(double RequestsPerSecond, double[] Latencies)
{
    public double P50 => Percentile(Latencies, 0.50);

    public double P99 => Percentile(Latencies, 0.99);

    /// <summary>The percentile of all calls of <paramref name="runs"/> together.</summary>
    public static double Pooled(IEnumerable<LoadRun> runs, double fraction)
    {
        var all = runs.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(all);
        return Percentile(all, fraction);
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
