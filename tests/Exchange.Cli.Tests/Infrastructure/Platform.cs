using Exchange.Claims;
using Exchange.Identity;
using Exchange.Messaging.Persistence;
using Exchange.Missions;
using Exchange.Projects;
using Exchange.Surveys;

namespace Exchange.Cli.Tests.Infrastructure;

/// <summary>
/// The platform the client talks to: Projects (with the demo projects loaded), Missions, Claims
/// and Surveys on SQLite with the test broker, the gateway in front of them, keys for an admin, a
/// coordinator, the Kyushu - Dalian implementation body and an overseas partner, and the demo data
/// loaded once with 'exchange demo load'.
/// </summary>
public sealed class Platform : IAsyncLifetime
{
    public const string KyushuBody = "kyushu-environment";
    public const string DalianPartner = "dalian-city";

    private readonly List<IAsyncDisposable> _hosts = [];

    public GatewayHost Gateway { get; private set; } = null!;

    public string AdminKey { get; private set; } = "";

    public string CoordinatorKey { get; private set; } = "";

    public string KyushuBodyKey { get; private set; } = "";

    public string PartnerKey { get; private set; } = "";

    public string DemoKeysFile { get; } = Path.Combine(Path.GetTempPath(), $"exchange-cli-demo-keys-{Guid.NewGuid():N}.json");

    /// <summary>What the first 'demo load' printed with --json.</summary>
    public CliResult FirstDemoLoad { get; private set; } = null!;

    public Cli Admin => new(Gateway.RpcAddress, AdminKey);

    public Cli Coordinator => new(Gateway.RpcAddress, CoordinatorKey);

    public Cli KyushuBodyCli => new(Gateway.RpcAddress, KyushuBodyKey);

    public Cli Partner => new(Gateway.RpcAddress, PartnerKey);

    public async Task InitializeAsync()
    {
        // The services that learn projects from events first, so that their queues exist before Projects publishes.
        var claims = await Start(ServiceHost.StartAsync("claims", ClaimsApp.Build, DatabaseProvider.Sqlite));
        var surveys = await Start(ServiceHost.StartAsync("surveys", SurveysApp.Build, DatabaseProvider.Sqlite));
        var projects = await Start(ServiceHost.StartAsync("projects", ProjectsApp.Build, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Demo:Load"] = "true" }));
        var missions = await Start(ServiceHost.StartAsync("missions", MissionsApp.Build, DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Services:Projects"] = projects.RpcAddress.ToString(),
            ["ProjectChecks:Deadline"] = "00:00:05",
        }));
        Gateway = await GatewayHost.StartAsync([("projects", projects), ("missions", missions), ("claims", claims), ("surveys", surveys)]);
        _hosts.Insert(0, Gateway);

        AdminKey = await Gateway.CreateKey("platform-operations", Role.Admin);
        CoordinatorKey = await Gateway.CreateKey("programme-office", Role.Coordinator);
        KyushuBodyKey = await Gateway.CreateKey(KyushuBody, Role.ImplementationBody);
        PartnerKey = await Gateway.CreateKey(DalianPartner, Role.OverseasPartner);

        FirstDemoLoad = await Admin.Ok("demo", "load", "--keys-file", DemoKeysFile, "--json");
    }

    private async Task<ServiceHost> Start(Task<ServiceHost> starting)
    {
        var host = await starting;
        _hosts.Insert(0, host);
        return host;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        File.Delete(DemoKeysFile);
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<Platform>
{
    public const string Name = "the client against the platform";
}
