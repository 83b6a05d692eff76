using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Exchange.Rpc.Benchmark;

/// <summary>
/// Drives h2load (nghttp2) against one target with the benchmark's call. Requests per second
/// come from its summary; the latency percentiles from its per-request log, over the calls that
/// completed with HTTP 200 inside the measured period.
/// </summary>
public sealed partial class H2Load(string requestFile, string workDirectory)
{
    /// <summary>Loads the target and throws when any request failed.</summary>
    public async Task<LoadRun> RunAsync(string target, Uri server, LoadSettings settings, TimeSpan duration, bool measure)
    {
        var log = Path.Combine(workDirectory, $"h2load-{Guid.NewGuid():N}.log");
        var info = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            "--duration", Seconds(duration),
            "--clients", settings.Connections.ToString(CultureInfo.InvariantCulture),
            "--max-concurrent-streams", settings.StreamsPerConnection.ToString(CultureInfo.InvariantCulture),
            "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
            "--data", requestFile,
            "--header", "content-type: application/grpc",
            "--header", "te: trailers",
            "--log-file", log,
            new Uri(server, BenchmarkCall.Path).ToString(),
        ];
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("h2load did not start");
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errors = await errorTask;
        try
        {
            if (process.ExitCode != 0) throw new InvalidOperationException($"h2load failed against {target} (exit {process.ExitCode}): {errors}{output}");
            var summary = Summary.Parse(target, output);
            if (!measure) return new LoadRun(target, summary.RequestsPerSecond, summary.Succeeded, 0, 0, 0);
            var latencies = ReadLatencies(log, target);
            return new LoadRun(target, summary.RequestsPerSecond, summary.Succeeded,
                Percentile(latencies, 0.50) / 1000.0, Percentile(latencies, 0.99) / 1000.0, 0);
        }
        finally
        {
            File.Delete(log);
        }
    }

    /// <summary>Microseconds per completed call, sorted. Any non-200 status fails the run.</summary>
    private static long[] ReadLatencies(string log, string target)
    {
        var latencies = new List<long>();
        foreach (var line in File.ReadLines(log))
        {
            // start time (µs since epoch) TAB HTTP status TAB µs until the end of the response
            var columns = line.Split('\t');
            if (columns.Length < 3) continue;
            var status = int.Parse(columns[1], CultureInfo.InvariantCulture);
            if (status != 200) throw new InvalidOperationException($"{target} answered HTTP {status} under load");
            latencies.Add(long.Parse(columns[2], CultureInfo.InvariantCulture));
        }
        if (latencies.Count == 0) throw new InvalidOperationException($"{target}: h2load logged no completed call");
        latencies.Sort();
        return latencies.ToArray();
    }

    /// <summary>The nearest-rank percentile.</summary>
    private static double Percentile(long[] sorted, double fraction)
    {
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record Summary(double RequestsPerSecond, long Succeeded)
    {
        public static Summary Parse(string target, string output)
        {
            var finished = FinishedLine().Match(output);
            var requests = RequestsLine().Match(output);
            var statuses = StatusLine().Match(output);
            if (!finished.Success || !requests.Success || !statuses.Success)
                throw new InvalidOperationException($"Unexpected h2load output for {target}:\n{output}");
            long Count(Match match, string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
            if (Count(requests, "failed") + Count(requests, "errored") + Count(requests, "timeout") > 0 || Count(statuses, "s3") + Count(statuses, "s4") + Count(statuses, "s5") > 0)
                throw new InvalidOperationException($"{target} failed calls under load:\n{requests.Value}\n{statuses.Value}");
            if (Count(requests, "succeeded") == 0) throw new InvalidOperationException($"{target} completed no call under load");
            return new Summary(double.Parse(finished.Groups["rate"].Value, CultureInfo.InvariantCulture), Count(requests, "succeeded"));
        }
    }

    [GeneratedRegex(@"^finished in [0-9.]+\w+, (?<rate>[0-9.]+) req/s", RegexOptions.Multiline)]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"^requests: \d+ total, \d+ started, \d+ done, (?<succeeded>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored, (?<timeout>\d+) timeout", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^status codes: \d+ 2xx, (?<s3>\d+) 3xx, (?<s4>\d+) 4xx, (?<s5>\d+) 5xx", RegexOptions.Multiline)]
    private static partial Regex StatusLine();
}
