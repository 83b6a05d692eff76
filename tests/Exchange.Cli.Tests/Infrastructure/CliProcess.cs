using System.Diagnostics;
using Exchange.Cli.Hosting;

namespace Exchange.Cli.Tests.Infrastructure;

/// <summary>Runs the built client, <c>dotnet exchange.dll</c>, as a process of its own, as a user's shell would.</summary>
public static class CliProcess
{
    /// <summary>The client's own build output, of the configuration these tests were built in.</summary>
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Exchange.sln"))) root = root.Parent;
            Assert.NotNull(root);
            var dll = Path.Combine(root.FullName, "cli", "Exchange.Cli", "bin", configuration, "net10.0", "exchange.dll");
            Assert.True(File.Exists(dll), $"{dll} was not built");
            return dll;
        }
    }

    public static async Task<CliResult> Run(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in new[] { CliEnvironment.GatewayVariable, CliEnvironment.KeyVariable, CliEnvironment.ProfileVariable }) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await errors);
    }
}
