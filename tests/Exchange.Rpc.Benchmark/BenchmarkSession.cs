using Exchange.Testing;
using System.Globalization;

namespace Exchange.Rpc.Benchmark;

/// <summary>
/// Starts the targets as separate processes, proves each answers the call, warms each up, then
/// measures them in interleaved rounds (so that noise from other work on a shared machine falls
/// on all of them alike) and reports the median run of each.
/// </summary>
public sealed class BenchmarkSession(BenchmarkOptions options)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("exchange-rpc-benchmark-");
        var targets = new List<TargetProcess>();
        try
        {
            var requestFile = Path.Combine(work.FullName, "request.bin");
            await File.WriteAllBytesAsync(requestFile, BenchmarkCall.RequestFrame);
            var h2load = new H2Load(requestFile, work.FullName);
            var machine = MachineInfo.Capture();

            foreach (var name in options.Targets) targets.Add(await StartAsync(name));
            foreach (var target in targets)
            {
                var problem = await CallProbe.FindProblemAsync(target.Address, expectGrpcStatus: target.Name != Target.Kestrel);
                if (problem is not null) throw new InvalidOperationException($"{Target.Title(target.Name)} does not answer the benchmark call correctly: {problem}");
                Console.Error.WriteLine($"{target.Name}: pid {target.ProcessId}, port {target.Port}, probe call ok");
            }
            foreach (var target in targets)
            {
                Console.Error.WriteLine($"{target.Name}: warming up for {options.Load.WarmUp.TotalSeconds:0.#} s");
                if (options.Load.WarmUp > TimeSpan.Zero)
                    await h2load.RunAsync(target.Name, target.Address, options.Load, options.Load.WarmUp, measure: false);
            }

            var runs = targets.ToDictionary(t => t.Name, _ => new List<LoadRun>());
            for (var round = 1; round <= options.Load.Runs; round++)
            {
                foreach (var target in targets)
                {
                    var cpuBefore = target.ProcessorTime;
                    var run = await h2load.RunAsync(target.Name, target.Address, options.Load, options.Load.Duration, measure: true);
                    run = run with { ServerCpuSeconds = (target.ProcessorTime - cpuBefore).TotalSeconds };
                    runs[target.Name].Add(run);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round}, {target.Name}: {run.RequestsPerSecond:0} req/s, p50 {run.P50Milliseconds:0.00} ms, p99 {run.P99Milliseconds:0.00} ms"));
                }
            }

            machine = machine with { LoadAverageAfter = MachineInfo.LoadAverage() };
            Console.WriteLine(new BenchmarkReport(options, machine, runs).ToMarkdown());
            return 0;
        }
        finally
        {
            foreach (var target in targets) await target.DisposeAsync();
            work.Delete(recursive: true);
        }
    }

    private Task<TargetProcess> StartAsync(string name)
    {
        var port = Loopback.FreePort().ToString(CultureInfo.InvariantCulture);
        var here = AppContext.BaseDirectory;
        return name switch
        {
            Target.Ours => TargetProcess.StartAsync(name, "dotnet", [Path.Combine(here, "Exchange.Rpc.TestHost.dll"), port, "0"], DotnetEnvironment(), StartTimeout),
            Target.Kestrel => TargetProcess.StartAsync(name, "dotnet", [Path.Combine(here, "Exchange.Rpc.Benchmark.dll"), "serve-echo", port], DotnetEnvironment(), StartTimeout),
            Target.GrpcJs => TargetProcess.StartAsync(name, "node", [options.GrpcJsServer, port], new Dictionary<string, string>(), StartTimeout),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown target"),
        };
    }

    /// <summary>Both .NET servers run with the same runtime settings, whichever is chosen.</summary>
    private Dictionary<string, string> DotnetEnvironment() => new()
    {
        ["DOTNET_gcServer"] = options.ServerGc ? "1" : "0",
    };
}
