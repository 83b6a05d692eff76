using Exchange.Identity;
using Exchange.Interop.V1;
using Exchange.Messaging.Persistence;
using Exchange.Missions;
using Exchange.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>
/// What the gateway tests share: the Projects and Missions services on SQLite with the test
/// broker, the gateway in front of them with a key for each kind of caller, and an "edge"
/// gateway with tight limits in front of a backend the tests control and a service that is down.
/// </summary>
public sealed class Platform : IAsyncLifetime
{
    public static readonly Caller Coordinator = Caller.Coordinator;
    public static readonly Caller Admin = new(Role.Admin, "platform-operations");

    /// <summary>The edge gateway's limits.</summary>
    public static readonly TimeSpan EdgeUnaryTimeout = TimeSpan.FromSeconds(2);
    public const int EdgeMaxBody = 64 * 1024;

    private readonly Dictionary<Caller, string> _keys = [];
    private readonly Dictionary<string, Task<object>> _shared = [];
    private readonly Dictionary<Caller, GatewayRpc> _clients = [];

    /// <summary>The packages the platform's gateway routes, i.e. whose every RPC the matrix must cover.</summary>
    public static readonly string[] RoutedPackages = ["exchange.projects.v1", "exchange.missions.v1"];

    public ServiceHost Projects { get; private set; } = null!;

    public ServiceHost Missions { get; private set; } = null!;

    public GatewayHost Gateway { get; private set; } = null!;

    public InteropBackend Backend { get; private set; } = null!;

    public GatewayHost Edge { get; private set; } = null!;

    /// <summary>Where the edge gateway believes the claims service is: a port nothing listens on.</summary>
    public Uri DeadClaims { get; } = new($"http://127.0.0.1:{Loopback.FreePort()}");

    public string KeyOf(Caller caller) => _keys[caller];

    public GatewayRpc Rpc(Caller caller) => new(Gateway.RpcAddress, KeyOf(caller));

    /// <summary>One long-lived client per caller, for tests that make hundreds of calls (not to be disposed).</summary>
    public GatewayRpc SharedRpc(Caller caller)
    {
        lock (_clients) return _clients.TryGetValue(caller, out var client) ? client : _clients[caller] = Rpc(caller);
    }

    public ConnectJson Json() => new(Gateway.HttpAddress);

    /// <summary>Calls a service directly, with a token the services trust (as the gateway would issue): to set up and inspect.</summary>
    public ServiceClient Direct(ServiceHost service, Google.Protobuf.Reflection.ServiceDescriptor descriptor) => new(service.RpcAddress, descriptor);

    /// <summary>What several tests of a class use, made once by the first of them.</summary>
    public async Task<T> Shared<T>(string name, Func<Task<T>> make) where T : class
    {
        Task<object> made;
        lock (_shared)
        {
            if (!_shared.TryGetValue(name, out made!)) _shared[name] = made = Make();
        }
        return (T)await made;

        async Task<object> Make() => await make();
    }

    public async Task InitializeAsync()
    {
        Projects = await ServiceHost.StartAsync("projects", ProjectsApp.Build, DatabaseProvider.Sqlite);
        Missions = await ServiceHost.StartAsync("missions", MissionsApp.Build, DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Services:Projects"] = Projects.RpcAddress.ToString(),
            ["ProjectChecks:Deadline"] = "00:00:05",
        });
        Gateway = await GatewayHost.StartAsync(
        [
            ("projects", Projects.RpcAddress, Projects.HttpAddress),
            ("missions", Missions.RpcAddress, Missions.HttpAddress),
        ]);
        foreach (var caller in new[] { Coordinator, Admin, TieUps.HamamatsuBody, TieUps.SuwaBody, TieUps.JenaPartner, TieUps.DalianPartner })
            _keys[caller] = await Gateway.CreateKey(caller.OrganisationId, caller.Role!.Value);

        Backend = await InteropBackend.StartAsync();
        Edge = await GatewayHost.StartAsync(
            [("interop", Backend.Address, Backend.HttpAddress), ("claims", DeadClaims, null)],
            new Dictionary<string, string?>
            {
                ["Gateway:Limits:UnaryTimeout"] = EdgeUnaryTimeout.ToString(),
                ["Gateway:Limits:MaxRequestBodySize"] = EdgeMaxBody.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Gateway:RateLimit:PermitsPerSecond"] = "1",
                ["Gateway:RateLimit:BurstLimit"] = "3",
            },
            builder => builder.Services.AddSingleton(Routing.RpcCatalog.Platform.With(InteropReflection.Descriptor)));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await Edge.DisposeAsync();
        await Backend.DisposeAsync();
        await Gateway.DisposeAsync();
        await Missions.DisposeAsync();
        await Projects.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<Platform>
{
    public const string Name = "gateway in front of the platform";
}
