using Exchange.Identity;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults;
using Exchange.Surveys.Grpc;
using Exchange.Surveys.V1;

namespace Exchange.Surveys;

/// <summary>The Surveys service's host, built the same way by Program and by the functional tests.</summary>
public static class SurveysApp
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>The host with <paramref name="configure"/> applied to its builder last (tests replace the clock with it).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults("surveys");
        builder.Services.AddExchangeIdentity(builder.Configuration);
        builder.AddSurveysServices();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseExchangeIdentity();
        app.MapRpcService<SurveysRpc>(SurveysReflection.Descriptor.Services[0]);
        app.MapRpcService<SurveyResponsesRpc>(SurveysReflection.Descriptor.Services[1]);
        return app;
    }
}
