using System.Net;
using System.Net.Sockets;
using Exchange.Deploy.Tests.Infrastructure;

namespace Exchange.Deploy.Tests;

/// <summary>
/// Every probe of every workload, sent the way the kubelet sends it (HTTP/1.1 GET without
/// credentials, or a TCP connection) to the workload's own host running in this process: the
/// path must be served on the port the probe names, and answer success once the service is up.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class ProbeTests
{
    private static readonly string[] ProbeKinds = ["startupProbe", "livenessProbe", "readinessProbe"];

    public static TheoryData<string, string> Workloads => Workload.WithProjects();

    [Theory]
    [MemberData(nameof(Workloads))]
    public async Task Every_probe_succeeds_against_the_running_service_as_the_kubelet_sends_it(string variant, string name)
    {
        var workload = Workload.Named(variant, name);
        var probes = ProbeKinds.Select(kind => (Kind: kind, Probe: workload.Container.Map(kind))).ToList();
        Assert.All(probes, p => Assert.True(p.Probe is not null, $"{workload} has no {p.Kind}"));

        await using var host = await WorkloadHost.StartAsync(workload);
        foreach (var (kind, probe) in probes)
        {
            if (probe.Map("httpGet") is { } get)
            {
                var port = host.PortFor(workload, PortOf(workload, kind, get));
                var path = get.Text("path") ?? "/";
                // Readiness waits for a round of the readiness checks; the others answer at once.
                var status = await Eventually(() => GetAsync(port, path), s => s is >= 200 and < 400, TimeSpan.FromSeconds(20));
                Assert.True(status is >= 200 and < 400, $"{workload} {kind}: GET {path} on port {get.Text("port")} answered {status}");
            }
            else if (probe.Map("tcpSocket") is { } tcp)
            {
                var port = host.PortFor(workload, PortOf(workload, kind, tcp));
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
            }
            else
            {
                Assert.Fail($"{workload} {kind}: only httpGet and tcpSocket probes can be checked (the images carry no probe tools)");
            }
        }
    }

    private static int PortOf(Workload workload, string kind, Dictionary<string, object?> probe) =>
        workload.ContainerPort(probe.Text("port") ?? "")
        ?? throw new Xunit.Sdk.XunitException($"{workload} {kind}: port '{probe.Text("port")}' is not a port of the container");

    /// <summary>The status code of an HTTP/1.1 GET, or 0 when no HTTP/1.1 answer came (e.g. an HTTP/2-only port).</summary>
    private static async Task<int> GetAsync(int port, string path)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}{path}")
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        try
        {
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    private static async Task<int> Eventually(Func<Task<int>> probe, Func<int, bool> success, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await probe();
            if (success(status) || DateTime.UtcNow > deadline) return status;
            await Task.Delay(250);
        }
    }
}
