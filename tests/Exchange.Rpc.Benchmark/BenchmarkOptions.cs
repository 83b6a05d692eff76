using System.Globalization;

namespace Exchange.Rpc.Benchmark;

/// <summary>The command line of <c>run</c>; every option has a default suited to a 2-core machine.</summary>
public sealed record BenchmarkOptions(LoadSettings Load, string GrpcJsServer, IReadOnlyList<string> Targets, bool ServerGc)
{
    public const string Usage = """
        Exchange.Rpc.Benchmark run --grpcjs-server <path to grpcjs-server.js> [options]
          --duration <s>       measured seconds per run (default 6)
          --warmup <s>         warm-up seconds per target before measuring (default 12)
          --connections <n>    HTTP/2 connections (default 4)
          --streams <n>        concurrent streams per connection (default 16)
          --threads <n>        h2load threads (default 2)
          --runs <n>           measured rounds; each round runs every target once (default 5)
          --targets <list>     comma-separated subset of ours,grpcjs,kestrel (default all)
          --server-gc          run both .NET servers with server GC (default: the project's
                               workstation GC)
        Exchange.Rpc.Benchmark serve-echo <port>
          the bare Kestrel target on its own (started by run)
        """;

    public static readonly string[] AllTargets = [Target.Ours, Target.GrpcJs, Target.Kestrel];

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--server-gc") flags.Add(name);
            else if (name.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count) values[name] = args[++i];
            else throw new ArgumentException($"Unexpected argument '{name}'");
        }
        double Seconds(string name, double fallback) =>
            values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        int Count(string name, int fallback) =>
            values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var load = new LoadSettings(
            TimeSpan.FromSeconds(Seconds("--duration", 6)),
            TimeSpan.FromSeconds(Seconds("--warmup", 12)),
            Count("--connections", 4),
            Count("--streams", 16),
            Count("--threads", 2),
            Count("--runs", 5));
        if (load.Duration <= TimeSpan.Zero || load.Connections < 1 || load.StreamsPerConnection < 1 || load.Threads < 1 || load.Runs < 1)
            throw new ArgumentException("Durations and counts must be positive");
        var targets = values.TryGetValue("--targets", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : AllTargets;
        var unknown = targets.Except(AllTargets).ToArray();
        if (unknown.Length > 0) throw new ArgumentException($"Unknown target(s): {string.Join(", ", unknown)}");
        values.TryGetValue("--grpcjs-server", out var grpcJs);
        if (targets.Contains(Target.GrpcJs) && (grpcJs is null || !File.Exists(grpcJs)))
            throw new ArgumentException($"--grpcjs-server must name the grpc-js server script (given: '{grpcJs}')");
        return new BenchmarkOptions(load, grpcJs ?? "", targets, flags.Contains("--server-gc"));
    }
}
