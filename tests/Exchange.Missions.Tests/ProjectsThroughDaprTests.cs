using System.Collections.Concurrent;
using System.Net;
using Exchange.Missions.ProjectChecks;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Missions.Tests;

/// <summary>
/// <c>Services:Projects=dapr://projects</c>: the Projects client calls its local Dapr sidecar (here a
/// stand-in on loopback, found through DAPR_GRPC_PORT as the sidecar injector sets it) with
/// <c>dapr-app-id: projects</c>, the GetProject path and the caller's token. No Dapr sidecar runs here.
/// </summary>
public sealed class ProjectsThroughDaprTests
{
    [Fact]
    public async Task GetProject_goes_to_the_sidecar_with_the_projects_app_id_and_the_callers_token()
    {
        await using var sidecar = await StandInSidecar.StartAsync();
        var previous = Environment.GetEnvironmentVariable("DAPR_GRPC_PORT");
        Environment.SetEnvironmentVariable("DAPR_GRPC_PORT", sidecar.Port.ToString());
        try
        {
            using var client = new ProjectsServiceClient(Options.Create(new ProjectCheckOptions { ProjectsAddress = "dapr://projects" }));
            var id = Guid.NewGuid();

            var project = await client.GetProjectAsync(id, new Metadata().Add("authorization", "Bearer hamamatsu"), DateTime.UtcNow.AddSeconds(30), CancellationToken.None);

            Assert.Equal((id.ToString(), "Hamamatsu-Jena optics"), (project.Id, project.Title));
            Assert.Equal(new Uri($"http://127.0.0.1:{sidecar.Port}/"), client.Address.ChannelAddress);
            var call = Assert.Single(sidecar.Calls);
            Assert.Equal(("/exchange.projects.v1.Projects/GetProject", "projects", "Bearer hamamatsu"), call);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DAPR_GRPC_PORT", previous);
        }
    }

    [Theory]
    [InlineData("dapr://projects", true)]
    [InlineData("http://projects.exchange.svc.cluster.local:7101", true)]
    [InlineData("dapr://projects:7101", false)]
    [InlineData("projects:7101", false)]
    public void Services_Projects_is_checked_at_start(string address, bool valid)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Services:Projects", address)]).Build();
        using var provider = new ServiceCollection().AddProjectChecks(configuration).BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<ProjectCheckOptions>>().Value;

        if (valid) Assert.Equal(address, read().ProjectsAddress);
        else Assert.Contains("Services:Projects", Assert.Throws<OptionsValidationException>(read).Message);
    }

    /// <summary>Answers GetProject for the app id "projects" only, as a sidecar would after forwarding; records each call.</summary>
    private sealed class StandInSidecar(WebApplication app, int port) : IAsyncDisposable
    {
        public int Port => port;

        public ConcurrentQueue<(string Path, string AppId, string Authorization)> Calls { get; } = new();

        public static async Task<StandInSidecar> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
            builder.Services.AddRpcServer();
            var app = builder.Build();
            StandInSidecar? sidecar = null;
            app.Use(async (context, next) =>
            {
                var appId = context.Request.Headers["dapr-app-id"].ToString();
                sidecar!.Calls.Enqueue((context.Request.Path, appId, context.Request.Headers.Authorization.ToString()));
                if (appId != "projects")
                {
                    context.Response.ContentType = "application/grpc";
                    context.Response.Headers["grpc-status"] = "14";
                    return;
                }
                await next(context);
            });
            app.MapRpcService<ProjectsBehindTheSidecar>(ProjectsReflection.Descriptor.Services[0]);
            await app.StartAsync();
            sidecar = new StandInSidecar(app, new Uri(app.Urls.First()).Port);
            return sidecar;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class ProjectsBehindTheSidecar
    {
        public Task<Project> GetProject(GetProjectRequest request, CallContext context) =>
            Task.FromResult(new Project { Id = request.ProjectId, Title = "Hamamatsu-Jena optics" });
    }
}
