using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Tests;

/// <summary>
/// The unknown-method endpoint answers every path no service serves, and is kept off the routes
/// of served methods, so that routing a real call finds a single endpoint.
/// </summary>
public sealed class UnknownMethodRoutingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/exchange.nothing.v1.Nothing/UnaryCall", "Unknown service")]
    [InlineData("/exchange.interop.v1.InteropTest/Check", "Unknown method Check")]
    [InlineData("/grpc.health.v1.Health/UnaryCall", "Unknown method UnaryCall")]
    public async Task A_served_method_name_on_another_path_is_unimplemented(string path, string message)
    {
        using var client = RawHttp.H2Client();
        using var response = await client.SendAsync(RawHttp.GrpcRequest(fixture.Server.H2Address, path, RawHttp.Frame(new Empty())));

        Assert.Equal("12", RawHttp.GrpcStatus(response));
        Assert.Contains(message, RawHttp.GrpcMessage(response));
    }

    [Fact]
    public async Task Routing_a_served_method_meets_only_its_own_endpoint()
    {
        var candidates = new CandidateCounter();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddRpcServer();
        builder.Services.AddSingleton<MatcherPolicy>(candidates);
        await using var app = builder.Build();
        app.MapRpcService<Exchange.Rpc.TestHost.InteropTestService>(InteropReflection.Descriptor.Services[0]);
        app.MapRpcHealthService();
        // A page of the host's own under a service's path: not a method, so POSTs there stay unknown methods.
        app.MapGet("/exchange.interop.v1.InteropTest/About", () => "about").WithDisplayName("about page");
        await app.StartAsync();
        var address = new Uri(app.Urls.First());

        using var client = RawHttp.H2Client();
        var statuses = new List<string?>();
        foreach (var path in new[] { "/exchange.interop.v1.InteropTest/EmptyCall", "/exchange.interop.v1.InteropTest/NoSuchCall", "/exchange.interop.v1.InteropTest/About" })
        {
            using var response = await client.SendAsync(RawHttp.GrpcRequest(address, path, RawHttp.Frame(new Empty())));
            await response.Content.ReadAsByteArrayAsync();
            statuses.Add(RawHttp.GrpcStatus(response));
        }

        Assert.Equal(["0", "12", "12"], statuses);
        Assert.Equal(["/exchange.interop.v1.InteropTest/EmptyCall: rpc /exchange.interop.v1.InteropTest/EmptyCall",
            "/exchange.interop.v1.InteropTest/NoSuchCall: rpc unknown method",
            "/exchange.interop.v1.InteropTest/About: rpc unknown method"], candidates.Seen);
    }

    /// <summary>Records, per request, the endpoints routing found for its path.</summary>
    private sealed class CandidateCounter : MatcherPolicy, IEndpointSelectorPolicy
    {
        public List<string> Seen { get; } = [];

        public override int Order => 0;

        public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

        public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
        {
            var names = Enumerable.Range(0, candidates.Count).Select(i => candidates[i].Endpoint.DisplayName);
            lock (Seen) Seen.Add($"{httpContext.Request.Path}: {string.Join(", ", names)}");
            return Task.CompletedTask;
        }
    }
}
