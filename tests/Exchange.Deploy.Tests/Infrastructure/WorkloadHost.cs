using System.Globalization;
using System.Reflection;
using Exchange.Identity.Testing;
using Exchange.Testing;
using Microsoft.AspNetCore.Builder;

namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>
/// A workload's own host (<c>&lt;Name&gt;App.Build(args)</c>, as its Program runs it), started in this
/// process with the settings its manifest gives it, except what a test machine has in place of the
/// cluster: free loopback ports, a fresh SQLite file, MassTransit's in-memory transport, and the
/// tests' token keys.
/// </summary>
public sealed class WorkloadHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private WorkloadHost(WebApplication app, string folder, int rpcPort, int httpPort)
    {
        _app = app;
        _folder = folder;
        RpcPort = rpcPort;
        HttpPort = httpPort;
    }

    /// <summary>Where the host serves what the manifests put on Endpoints__RpcPort.</summary>
    public int RpcPort { get; }

    /// <summary>Where the host serves what the manifests put on Endpoints__HttpPort.</summary>
    public int HttpPort { get; }

    public static async Task<WorkloadHost> StartAsync(Workload workload)
    {
        var project = workload.ProjectFile ?? throw new InvalidOperationException($"{workload} has no project");
        var assembly = Assembly.Load(Path.GetFileNameWithoutExtension(project));
        var build = assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("App", StringComparison.Ordinal))
            .Select(t => t.GetMethod("Build", BindingFlags.Public | BindingFlags.Static, [typeof(string[])]))
            .SingleOrDefault(m => m is not null && m.ReturnType == typeof(WebApplication))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no static <Name>App.Build(string[] args) returning a WebApplication");

        var folder = Path.Combine(Path.GetTempPath(), "exchange-deploy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var (rpcPort, httpPort) = (Loopback.FreePort(), Loopback.FreePort());
        // The manifests' own values, so that a value the workload refuses at start fails here too;
        // then what stands in for the cluster on a test machine.
        var settings = workload.Environment.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Endpoints:Host"] = "127.0.0.1",
            ["Endpoints:RpcPort"] = rpcPort.ToString(CultureInfo.InvariantCulture),
            ["Endpoints:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = folder,
            ["Messaging:Transport"] = "InMemory",
            ["Identity:PublicKeyPem"] = TestTokens.PublicKeyPem,
            ["Identity:PrivateKeyPem"] = TestTokens.PrivateKeyPem,
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            settings[key] = value;
        }
        // The database the manifests give the workload, as a SQLite file here.
        foreach (var database in workload.Environment.Select(s => s.Key).Where(k => k.StartsWith("ConnectionStrings:", StringComparison.Ordinal) && k != "ConnectionStrings:RabbitMq"))
            settings[database] = $"Data Source={Path.Combine(folder, database.Split(':')[1] + ".db")}";

        var args = settings.Select(s => $"--{s.Key}={s.Value}")
            .Append($"--contentRoot={Path.GetDirectoryName(Repository.Full(project))}")
            .ToArray();
        var parameters = build.GetParameters().Skip(1).Select(p => p.HasDefaultValue ? p.DefaultValue : null);
        var app = (WebApplication)build.Invoke(null, [args, .. parameters])!;
        await app.StartAsync();
        return new WorkloadHost(app, folder, rpcPort, httpPort);
    }

    /// <summary>The host's port for a container port of the manifests, by which Endpoints setting holds it.</summary>
    public int PortFor(Workload workload, int containerPort)
    {
        if (workload.Value("Endpoints__HttpPort") == containerPort.ToString(CultureInfo.InvariantCulture)) return HttpPort;
        if (workload.Value("Endpoints__RpcPort") == containerPort.ToString(CultureInfo.InvariantCulture)) return RpcPort;
        throw new InvalidOperationException($"{workload}: container port {containerPort} is neither Endpoints__HttpPort nor Endpoints__RpcPort, so the service does not listen on it");
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's own cleaning.
        }
    }
}
