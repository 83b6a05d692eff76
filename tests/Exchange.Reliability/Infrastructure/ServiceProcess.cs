using System.Diagnostics;
using Exchange.Identity.Testing;
using Exchange.Testing;

namespace Exchange.Reliability.Infrastructure;

/// <summary>
/// A service run as its own process from its build output (<c>dotnet Exchange.X.dll --Key=Value...</c>)
/// on loopback ports chosen once, so that it can be killed and started again on the same ports,
/// database and queues. Its output goes to a log file under .state/reliability/logs.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string _project;
    private readonly Dictionary<string, string?> _settings;
    private Process? _process;
    private int _starts;

    private ServiceProcess(string project, Dictionary<string, string?> settings, int rpcPort, int httpPort)
    {
        _project = project;
        _settings = settings;
        RpcAddress = new Uri($"http://127.0.0.1:{rpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public Uri RpcAddress { get; }

    public Uri HttpAddress { get; }

    public string LogFile { get; private set; } = "";

    /// <summary>
    /// A service of <paramref name="project"/> ("Exchange.Claims") for <paramref name="service"/> ("claims")
    /// on the given broker and PostgreSQL database, with its own queues, the tests' token key and
    /// <paramref name="settings"/> on top. Not started yet.
    /// </summary>
    public static ServiceProcess Create(string project, string service, string rabbitMq, string database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var rpcPort = Loopback.FreePort();
        var httpPort = Loopback.FreePort();
        var all = new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["Endpoints:RpcPort"] = rpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Endpoints:HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConnectionStrings:RabbitMq"] = rabbitMq,
            ["Messaging:QueuePrefix"] = $"{service}-rel-{Guid.NewGuid():N}"[..(service.Length + 13)],
            ["Messaging:RetryIntervals"] = "100,500,1000",
            ["Database:Provider"] = "PostgreSQL",
            [$"ConnectionStrings:{service}"] = database,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new ServiceProcess(project, all, rpcPort, httpPort);
    }

    /// <summary>Starts the process (with <paramref name="extra"/> settings for this start only) and waits until it is ready.</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException($"{_project} is running already");
        var assembly = Repository.ServiceAssembly(_project);
        if (!File.Exists(assembly)) throw new FileNotFoundException($"{_project} is not built: run dotnet build first", assembly);
        var logs = Path.Combine(Repository.StateDirectory, "logs");
        Directory.CreateDirectory(logs);
        LogFile = Path.Combine(logs, $"{_project}-{_settings["Messaging:QueuePrefix"]}-{++_starts}.log");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_project}");
        _process = process;
        var log = new StreamWriter(LogFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => { lock (log) log.Flush(); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync(process, TimeSpan.FromMinutes(3));
    }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end by itself (a fault it was told to have); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException($"{_project} was never started");
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public string Log() => File.Exists(LogFile) ? ReadShared(LogFile) : "";

    private async Task WaitUntilReadyAsync(Process process, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"{_project} exited with {process.ExitCode} while starting:\n{Log()}");
            try
            {
                using var response = await Http.GetAsync(new Uri(HttpAddress, "/readyz"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{_project} was not ready within {timeout}:\n{Log()}");
    }

    /// <summary>Whether /readyz answers 200 now (database and broker reachable).</summary>
    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(HttpAddress, "/readyz"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
