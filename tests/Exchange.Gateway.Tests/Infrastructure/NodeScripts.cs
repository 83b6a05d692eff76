using System.Diagnostics;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>Runs a Node script of tests/interop (real @grpc/grpc-js peers), with environment variables.</summary>
public static class NodeScripts
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    public static string InteropFolder => Path.Combine(RepositoryRoot, "tests", "interop");

    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<(int? ExitCode, string Stdout, string Stderr)> RunAsync(string script, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(InteropFolder, "node_modules", "@grpc", "grpc-js")))
            Assert.Fail($"The Node interop packages are missing: run `npm ci --no-audit --no-fund` in {InteropFolder} (Node 20+), then run the tests again.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return await RunAsync(start);
    }

    /// <summary>Runs any process to its end (killed after <see cref="RunTimeout"/>), with what it printed.</summary>
    public static async Task<(int? ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (null, await stdout, await stderr);
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Exchange.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Exchange.sln");
    }
}
