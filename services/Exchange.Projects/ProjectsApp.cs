using Exchange.Identity;
using Exchange.Projects.Grpc;
using Exchange.Projects.V1;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults;

namespace Exchange.Projects;

/// <summary>The Projects service's host, built the same way by Program and by the functional tests.</summary>
public static class ProjectsApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults("projects");
        builder.Services.AddExchangeIdentity(builder.Configuration);
        builder.AddProjectsServices();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseExchangeIdentity();
        app.MapRpcService<ProjectsRpc>(ProjectsReflection.Descriptor.Services[0]);
        return app;
    }
}
