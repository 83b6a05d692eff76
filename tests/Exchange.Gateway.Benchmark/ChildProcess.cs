using System.Diagnostics;
using System.Net.Sockets;

namespace Exchange.Gateway.Benchmark;

/// <summary>A service, the gateway or another proxy as its own process, as deployed; killed when disposed.</summary>
public sealed class ChildProcess(string name, Process process, string logFile) : IDisposable
{
    public static ChildProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, string logFolder) =>
        StartProgram(name, "dotnet", [dll], environment, logFolder);

    public static ChildProcess StartProgram(string name, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start");
        var log = Path.Combine(logFolder, $"{name}.log");
        var writer = new StreamWriter(log) { AutoFlush = false };
        // The logs are kept for a look after a failed run; reading them keeps the pipes from filling.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => { lock (writer) writer.Flush(); };
        return new ChildProcess(name, process, log);
    }

    /// <summary>Waits until GET <paramref name="url"/> answers 200.</summary>
    public async Task WaitUntilReady(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited with {process.ExitCode}; see {logFile}");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SocketException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{name} was not ready at {url} within {timeout.TotalSeconds} s; see {logFile}");
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
        process.Dispose();
    }
}
