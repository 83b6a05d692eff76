using Exchange.Claims.Grpc;
using Exchange.Claims.V1;
using Exchange.Identity;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults;

namespace Exchange.Claims;

/// <summary>The Claims service's host, built the same way by Program and by the functional tests.</summary>
public static class ClaimsApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults("claims");
        builder.Services.AddExchangeIdentity(builder.Configuration);
        builder.AddClaimsServices();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseExchangeIdentity();
        app.MapRpcService<ClaimsRpc>(ClaimsReflection.Descriptor.Services[0]);
        return app;
    }
}
