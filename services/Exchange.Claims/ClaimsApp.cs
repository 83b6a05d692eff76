using Exchange.Claims.Grpc;
using Exchange.Claims.V1;
using Exchange.Identity;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults;

namespace Exchange.Claims;

/// <summary>The Claims service's host, built the same way by Program and by the functional tests.</summary>
public static class ClaimsApp
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>The host with <paramref name="configure"/> applied to its builder last (tests replace the clock with it).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults("claims");
        builder.Services.AddExchangeIdentity(builder.Configuration);
        builder.AddClaimsServices();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseExchangeIdentity();
        app.MapRpcService<ClaimsRpc>(ClaimsReflection.Descriptor.Services[0]);
        return app;
    }
}
