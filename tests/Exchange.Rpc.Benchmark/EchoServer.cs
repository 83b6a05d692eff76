using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Exchange.Rpc.Benchmark;

/// <summary>
/// The physical limit of this machine for the benchmark's call: Kestrel on an HTTP/2-only
/// port answering every request with the expected response bytes, with no routing, no gRPC
/// processing and no trailers. Only the request body is read, as any server must.
/// </summary>
public static class EchoServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2);
            // The same limit as the RPC test host, so that both accept the same load.
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        var app = builder.Build();
        var body = BenchmarkCall.ResponseFrame;
        app.Run(async http =>
        {
            var reader = http.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync();
                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted) break;
            }
            http.Response.ContentType = "application/grpc";
            // Written without a flush, so Kestrel sends headers and body together when the
            // request ends: the cheapest way to answer.
            http.Response.BodyWriter.Write(body);
        });
        await app.StartAsync();
        Console.WriteLine($"ready {new Uri(app.Urls.First()).Port}");
        await app.WaitForShutdownAsync();
    }
}
