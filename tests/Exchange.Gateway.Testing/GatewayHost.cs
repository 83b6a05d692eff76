using System.Globalization;
using Exchange.Gateway.Keys;
using Exchange.Gateway.V1;
using Exchange.Identity.Testing;
using Exchange.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Role = Exchange.Identity.Role;

namespace Exchange.Gateway.Testing;

/// <summary>
/// The gateway as it runs in production (its own host builder), in the test process on free
/// loopback ports, with a fresh SQLite key store, the tests' signing key (which the services
/// under test trust), the test broker for health, and its log lines captured.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _keyStoreFile;

    private GatewayHost(WebApplication app, string keyStoreFile, int rpcPort, int httpPort, CapturedLogs logs)
    {
        _app = app;
        _keyStoreFile = keyStoreFile;
        RpcAddress = new Uri($"http://127.0.0.1:{rpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        Logs = logs;
    }

    /// <summary>gRPC (and Connect over HTTP/2), h2c.</summary>
    public Uri RpcAddress { get; }

    /// <summary>Connect JSON over HTTP/1.1, and health.</summary>
    public Uri HttpAddress { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public string KeyStoreConnectionString => $"Data Source={_keyStoreFile}";

    /// <summary>Starts a gateway routing to services the test started (name to host), both of their ports.</summary>
    public static Task<GatewayHost> StartAsync(IEnumerable<(string Name, ServiceHost Service)> services) =>
        StartAsync(services.Select(s => (s.Name, s.Service.RpcAddress, (Uri?)s.Service.HttpAddress)));

    /// <summary>
    /// Starts a gateway routing to <paramref name="services"/> (name to h2c address and HTTP
    /// address), with <paramref name="extra"/> settings on top, and <paramref name="configure"/>
    /// applied to its builder last.
    /// </summary>
    public static async Task<GatewayHost> StartAsync(
        IEnumerable<(string Name, Uri Address, Uri? Http)> services,
        IReadOnlyDictionary<string, string?>? extra = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var rpcPort = Loopback.FreePort();
        var httpPort = Loopback.FreePort();
        var keyStore = Path.Combine(Path.GetTempPath(), $"exchange-gateway-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Endpoints:RpcPort"] = rpcPort.ToString(CultureInfo.InvariantCulture),
            ["Endpoints:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["Identity:PrivateKeyPem"] = TestTokens.PrivateKeyPem,
            ["ConnectionStrings:gateway"] = $"Data Source={keyStore}",
            ["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq,
            // Generous unless a test says otherwise: a test may send hundreds of calls per key.
            ["Gateway:RateLimit:PermitsPerSecond"] = "100000",
            ["Gateway:RateLimit:BurstLimit"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Exchange.Gateway.Access"] = "Information",
        };
        foreach (var (name, address, http) in services)
        {
            settings[$"Gateway:Services:{name}:Address"] = address.ToString();
            if (http is not null) settings[$"Gateway:Services:{name}:Http"] = http.ToString();
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;

        var logs = new CapturedLogs();
        var app = GatewayApp.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray(), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new GatewayHost(app, keyStore, rpcPort, httpPort, logs);
    }

    /// <summary>A new key for the organisation in the role, made as an operator would on the gateway's command line.</summary>
    public async Task<string> CreateKey(string organisationId, Role role, int expiresInDays = 0)
    {
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<KeyAdministration>().CreateAsync(KeyAdministrator.Operator, new CreateKeyRequest
        {
            OrganisationId = organisationId,
            Role = KeyMapper.ToMessage(role),
            Name = $"test key of {organisationId}",
            ExpiresInDays = expiresInDays,
        }, CancellationToken.None);
        return created.ApiKey;
    }

    public async Task<T> InKeyStore<T>(Func<ApiKeyStore, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ApiKeyStore>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_keyStoreFile);
    }
}
