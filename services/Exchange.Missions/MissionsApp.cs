using Exchange.Identity;
using Exchange.Missions.Grpc;
using Exchange.Missions.V1;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults;

namespace Exchange.Missions;

/// <summary>The Missions service's host, built the same way by Program and by the functional tests.</summary>
public static class MissionsApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults("missions");
        builder.Services.AddExchangeIdentity(builder.Configuration);
        builder.AddMissionsServices();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseExchangeIdentity();
        app.MapRpcService<MissionsRpc>(MissionsReflection.Descriptor.Services[0]);
        return app;
    }
}
