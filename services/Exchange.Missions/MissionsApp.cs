using Exchange.Identity;
using Exchange.Missions.Grpc;
using Exchange.Missions.V1;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults;

namespace Exchange.Missions;

/// <summary>The Missions service's host, built the same way by Program and by the functional tests.</summary>
public static class MissionsApp
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>The host with <paramref name="configure"/> applied to its builder last (tests replace the clock with it).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults("missions");
        builder.Services.AddExchangeIdentity(builder.Configuration);
        builder.AddMissionsServices();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseExchangeIdentity();
        app.MapRpcService<MissionsRpc>(MissionsReflection.Descriptor.Services[0]);
        return app;
    }
}
