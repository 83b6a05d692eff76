using Exchange.Identity;
using Exchange.Projects.Grpc;
using Exchange.Projects.V1;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults;

namespace Exchange.Projects;

/// <summary>The Projects service's host, built the same way by Program and by the functional tests.</summary>
public static class ProjectsApp
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>The host with <paramref name="configure"/> applied to its builder last (tests replace the clock with it).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults("projects");
        builder.Services.AddExchangeIdentity(builder.Configuration);
        builder.AddProjectsServices();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseExchangeIdentity();
        app.MapRpcService<ProjectsRpc>(ProjectsReflection.Descriptor.Services[0]);
        return app;
    }
}
