using System.Globalization;
using Exchange.Claims;
using Exchange.Gateway;
using Exchange.Gateway.Keys;
using Exchange.Gateway.V1;
using Exchange.Identity.Testing;
using Exchange.Messaging.Persistence;
using Exchange.Missions;
using Exchange.Projects;
using Exchange.Surveys;
using Exchange.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Role = Exchange.Identity.Role;

namespace Exchange.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The whole platform in the test process: Projects, Missions, Claims and Surveys, each as it runs
/// in production (its own host builder, database and queues), sharing one <see cref="TestClock"/>
/// so that fiscal years pass in seconds, and the gateway in front of them with an API key per
/// caller. Its events travel on exchanges of its own (<c>Messaging:ExchangePrefix</c>), so that
/// services of other test runs on the same broker neither hear of its projects nor report facts
/// about them.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    public const int ClosingPeriodDays = 30;
    public const int CutOffDays = 30;

    private readonly List<ServiceHost> _services;
    private readonly WebApplication _gateway;
    private readonly string _keyStore;
    private readonly Dictionary<Caller, string> _keys;

    private Platform(TestClock clock, List<ServiceHost> services, WebApplication gateway, string keyStore, Uri gatewayAddress, Dictionary<Caller, string> keys)
    {
        Clock = clock;
        _services = services;
        _gateway = gateway;
        _keyStore = keyStore;
        GatewayAddress = gatewayAddress;
        _keys = keys;
    }

    public TestClock Clock { get; }

    /// <summary>The gateway's h2c port: gRPC for partners' clients.</summary>
    public Uri GatewayAddress { get; }

    /// <summary>A gRPC client of the gateway calling with the API key of <paramref name="caller"/>.</summary>
    public GatewayClient As(Caller caller) => new(GatewayAddress, _keys[caller]);

    public static async Task<Platform> StartAsync(DatabaseProvider provider, DateTimeOffset start, params Caller[] callers)
    {
        var clock = new TestClock(start);
        var prefix = $"e2e-{Guid.NewGuid():N}"[..16] + ":";
        var services = new List<ServiceHost>();
        try
        {
            // Consumers before publishers: an event published before its queue is bound is lost.
            var claims = await Start("claims", ClaimsApp.Build, new()
            {
                ["Claims:ClosingPeriodDays"] = ClosingPeriodDays.ToString(CultureInfo.InvariantCulture),
                ["Claims:FiscalYearCutOffDays"] = CutOffDays.ToString(CultureInfo.InvariantCulture),
                ["Claims:ClosingCheckInterval"] = "00:00:00.200",
            });
            var surveys = await Start("surveys", SurveysApp.Build, new() { ["Surveys:FollowUpFiscalYears"] = "0,1" });
            var projects = await Start("projects", ProjectsApp.Build, new());
            var missions = await Start("missions", MissionsApp.Build, new()
            {
                ["Services:Projects"] = projects.RpcAddress.ToString(),
                ["ProjectChecks:Deadline"] = "00:00:05",
            });
            var (gateway, address, keyStore) = await StartGateway(projects, missions, claims, surveys);
            var keys = new Dictionary<Caller, string>();
            await using (var scope = gateway.Services.CreateAsyncScope())
            {
                var administration = scope.ServiceProvider.GetRequiredService<KeyAdministration>();
                foreach (var caller in callers)
                {
                    var created = await administration.CreateAsync(KeyAdministrator.Operator, new CreateKeyRequest
                    {
                        OrganisationId = caller.OrganisationId,
                        Role = KeyMapper.ToMessage(caller.Role!.Value),
                        Name = $"key of {caller.OrganisationId}",
                    }, CancellationToken.None);
                    keys[caller] = created.ApiKey;
                }
            }
            return new Platform(clock, services, gateway, keyStore, address, keys);
        }
        catch
        {
            foreach (var service in services) await service.DisposeAsync();
            throw;
        }

        async Task<ServiceHost> Start(string name, Func<string[], Action<WebApplicationBuilder>?, WebApplication> build, Dictionary<string, string?> settings)
        {
            settings["Messaging:ExchangePrefix"] = prefix;
            var host = await ServiceHost.StartAsync(name, args => build(args, b => b.Services.AddSingleton<TimeProvider>(clock)), provider, settings);
            services.Add(host);
            return host;
        }
    }

    /// <summary>The gateway as it runs in production, routing by proto package to the four services, on free loopback ports.</summary>
    private static async Task<(WebApplication App, Uri Address, string KeyStore)> StartGateway(ServiceHost projects, ServiceHost missions, ServiceHost claims, ServiceHost surveys)
    {
        var rpcPort = Loopback.FreePort();
        var keyStore = Path.Combine(Path.GetTempPath(), $"exchange-gateway-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:RpcPort"] = rpcPort.ToString(CultureInfo.InvariantCulture),
            ["Endpoints:HttpPort"] = Loopback.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Identity:PrivateKeyPem"] = TestTokens.PrivateKeyPem,
            ["ConnectionStrings:gateway"] = $"Data Source={keyStore}",
            ["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, host) in new[] { ("projects", projects), ("missions", missions), ("claims", claims), ("surveys", surveys) })
        {
            settings[$"Gateway:Services:{name}:Address"] = host.RpcAddress.ToString();
            settings[$"Gateway:Services:{name}:Http"] = host.HttpAddress.ToString();
        }
        var app = GatewayApp.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")], builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        return (app, new Uri($"http://127.0.0.1:{rpcPort}"), keyStore);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_keyStore);
        // Publishers first, so that nothing is left to deliver to a stopped consumer.
        foreach (var service in Enumerable.Reverse(_services)) await service.DisposeAsync();
    }
}
