using System.Net;
using System.Net.Sockets;
using Exchange.Gateway;
using Exchange.Gateway.Keys;
using Exchange.Gateway.V1;
using Exchange.Identity.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Role = Exchange.Identity.Role;

namespace Exchange.Cli.Tests.Infrastructure;

/// <summary>The gateway as it runs in production, in the test process on free loopback ports, with a fresh key store and the tests' signing key.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _keyStoreFile;

    private GatewayHost(WebApplication app, string keyStoreFile, int rpcPort, int httpPort)
    {
        _app = app;
        _keyStoreFile = keyStoreFile;
        RpcAddress = new Uri($"http://127.0.0.1:{rpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public Uri RpcAddress { get; }

    public Uri HttpAddress { get; }

    public static async Task<GatewayHost> StartAsync(IEnumerable<(string Name, ServiceHost Service)> services)
    {
        var rpcPort = FreePort();
        var httpPort = FreePort();
        var keyStore = Path.Combine(Path.GetTempPath(), $"exchange-cli-gateway-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:RpcPort"] = rpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Endpoints:HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity:PrivateKeyPem"] = TestTokens.PrivateKeyPem,
            ["ConnectionStrings:gateway"] = $"Data Source={keyStore}",
            ["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq,
            ["Gateway:RateLimit:PermitsPerSecond"] = "100000",
            ["Gateway:RateLimit:BurstLimit"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, service) in services)
        {
            settings[$"Gateway:Services:{name}:Address"] = service.RpcAddress.ToString();
            settings[$"Gateway:Services:{name}:Http"] = service.HttpAddress.ToString();
        }
        var app = GatewayApp.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        await app.StartAsync();
        return new GatewayHost(app, keyStore, rpcPort, httpPort);
    }

    /// <summary>A new key, made as an operator does on the gateway's own command line.</summary>
    public async Task<string> CreateKey(string organisationId, Role role)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<KeyAdministration>().CreateAsync(KeyAdministrator.Operator, new CreateKeyRequest
        {
            OrganisationId = organisationId,
            Role = KeyMapper.ToMessage(role),
            Name = $"test key of {organisationId}",
        }, CancellationToken.None);
        return created.ApiKey;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_keyStoreFile);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
