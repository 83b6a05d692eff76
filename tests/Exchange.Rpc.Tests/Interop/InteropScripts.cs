using System.Diagnostics;

namespace Exchange.Rpc.Tests.Interop;

/// <summary>
/// Runs the Node interop scripts of tests/interop (real @grpc/grpc-js and connect-node peers).
/// Their packages come from <c>npm ci</c> in that folder; without them the tests fail and say so.
/// </summary>
public static class InteropScripts
{
    /// <summary>Long enough for a slow shared machine, short enough that a hang fails the test.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> FolderPath = new(FindFolder);

    public static string Folder => FolderPath.Value;

    /// <summary>Fails with instructions when the npm packages are not installed.</summary>
    public static void AssertInstalled()
    {
        var modules = Path.Combine(Folder, "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "@grpc", "grpc-js")) || !Directory.Exists(Path.Combine(modules, "@connectrpc", "connect-node")))
            Assert.Fail($"The Node interop packages are missing: run `npm ci --no-audit --no-fund` in {Folder} (Node 20+), then run the tests again.");
    }

    public static async Task AssertPassesAsync(string script, params string[] arguments)
    {
        var run = await RunAsync(script, arguments);
        Assert.True(run.Passed, run.Describe());
    }

    public static async Task<ScriptRun> RunAsync(string script, params string[] arguments)
    {
        AssertInstalled();
        using var process = StartNode(script, arguments, out var commandLine);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return new ScriptRun(commandLine, timedOut ? null : process.ExitCode, timedOut, await stdout, await stderr);
    }

    /// <summary>Starts <c>node script args</c> in the interop folder with its output redirected.</summary>
    public static Process StartNode(string script, IReadOnlyList<string> arguments, out string commandLine)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        commandLine = $"node {script} {string.Join(' ', arguments)}";
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {commandLine}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start `node` (Node.js 20+ must be on the PATH): {ex.Message}", ex);
        }
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Exchange.sln"))) return Path.Combine(dir.FullName, "tests", "interop");
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Exchange.sln; cannot find tests/interop.");
    }
}
