using System.Diagnostics;
using System.Globalization;

namespace Exchange.Rpc.Benchmark;

/// <summary>
/// A server under test, run as its own process on loopback. It must print <c>ready &lt;port&gt; ...</c>
/// on its standard output once it listens; the first number is the port to load.
/// </summary>
public sealed class TargetProcess : IAsyncDisposable
{
    private readonly Process _process;

    private TargetProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static async Task<TargetProcess> StartAsync(string name, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, TimeSpan startTimeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name}: could not start {fileName}");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(startTimeout);
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"{name} exited before it was ready: {errors}");
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= 2 && words[0] == "ready")
                {
                    // Keep draining its output so that a chatty server never blocks on a full pipe.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return new TargetProcess(name, process, int.Parse(words[1], CultureInfo.InvariantCulture));
                }
            }
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>Processor time the target used so far, to show how busy each server was.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
    }
}
