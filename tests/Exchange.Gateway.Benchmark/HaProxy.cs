using System.Globalization;

namespace Exchange.Gateway.Benchmark;

/// <summary>
/// HAProxy, a reverse proxy written in C, in front of the service the way the gateway is: HTTP/2
/// without TLS (h2c) in and out for gRPC, HTTP/1.1 in and out for Connect JSON, nothing else
/// configured. What it adds is what a lean, mature proxy costs on this machine.
/// </summary>
public static class HaProxy
{
    public static async Task<ChildProcess> StartAsync(int serviceRpcPort, int serviceHttpPort, int rpcPort, int httpPort, string workFolder)
    {
        var config = Path.Combine(workFolder, "haproxy.cfg");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            global
              nbthread 2
            defaults
              mode http
              timeout connect 5s
              timeout client 60s
              timeout server 60s
            frontend grpc
              bind 127.0.0.1:{rpcPort} proto h2
              default_backend grpc
            backend grpc
              server projects 127.0.0.1:{serviceRpcPort} proto h2
            frontend json
              bind 127.0.0.1:{httpPort}
              default_backend json
            backend json
              server projects 127.0.0.1:{serviceHttpPort}
              http-reuse always

            """));
        // -db: stay in the foreground, so the process is the proxy and is killed with it.
        var haproxy = ChildProcess.StartProgram("haproxy", "haproxy", ["-db", "-f", config], new Dictionary<string, string>(), workFolder);
        await haproxy.WaitUntilReady(new Uri($"http://127.0.0.1:{httpPort}/readyz"), TimeSpan.FromSeconds(30));
        return haproxy;
    }
}
