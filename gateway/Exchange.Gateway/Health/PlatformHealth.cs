using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Exchange.Gateway.Data;
using Exchange.Gateway.Routing;
using Exchange.Messaging;
using Exchange.Rpc.Client;
using Grpc.Health.V1;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Gateway.Health;

/// <summary>
/// The state of the platform as the gateway sees it: every configured service (its
/// <c>/readyz</c>, or <c>grpc.health.v1</c> where no HTTP port is configured), the broker
/// (a TCP connection to its AMQP port) and the gateway's key store. All checks run at once, each
/// bounded by <see cref="CheckTimeout"/>; a report is reused for a second, so that probes cannot
/// multiply into load on the services.
/// </summary>
public sealed class PlatformHealth(
    IReadOnlyList<BackendService> services,
    IHttpClientFactory httpClients,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider clock)
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private (long At, Task<HealthReport> Report)? _last;

    public Task<HealthReport> CheckAsync()
    {
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            if (_last is { } last && Stopwatch.GetElapsedTime(last.At, now) < ReuseFor) return last.Report;
            var report = RunAsync();
            _last = (now, report);
            return report;
        }
    }

    private async Task<HealthReport> RunAsync()
    {
        var serviceChecks = services.Select(CheckServiceAsync).ToArray();
        var broker = CheckBrokerAsync();
        var keyStore = CheckKeyStoreAsync();
        var checkedServices = await Task.WhenAll(serviceChecks);
        return new HealthReport(clock.GetUtcNow(), checkedServices, await broker, await keyStore);
    }

    private async Task<ComponentHealth> CheckServiceAsync(BackendService service)
    {
        using var timeout = new CancellationTokenSource(CheckTimeout);
        try
        {
            return service.Http is { } http ? await ReadinessAsync(service, http, timeout.Token) : await GrpcHealthAsync(service, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or Exchange.Rpc.RpcException or JsonException)
        {
            var reason = ex is OperationCanceledException ? $"no answer within {CheckTimeout.TotalSeconds} s" : ex.Message;
            return new ComponentHealth(service.Name, HealthReport.Unreachable, reason, null);
        }
    }

    private async Task<ComponentHealth> ReadinessAsync(BackendService service, Uri http, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(nameof(PlatformHealth));
        using var response = await client.GetAsync(new Uri(http, "/readyz"), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Dictionary<string, string>? checks = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
            checks = JsonSerializer.Deserialize<Dictionary<string, string>>(body);
        return response.IsSuccessStatusCode
            ? new ComponentHealth(service.Name, HealthReport.Ready, null, checks)
            : new ComponentHealth(service.Name, HealthReport.NotReady, $"/readyz answered HTTP {(int)response.StatusCode}", checks);
    }

    private static async Task<ComponentHealth> GrpcHealthAsync(BackendService service, CancellationToken cancellationToken)
    {
        using var channel = RpcChannel.ForAddress(service.Address);
        var check = RpcMethod<HealthCheckRequest, HealthCheckResponse>.From(HealthReflection.Descriptor.Services[0], "Check");
        var response = await channel.UnaryAsync(check, new HealthCheckRequest(), new CallOptions { CancellationToken = cancellationToken, Timeout = CheckTimeout });
        return response.Status == HealthCheckResponse.Types.ServingStatus.Serving
            ? new ComponentHealth(service.Name, HealthReport.Ready, null, null)
            : new ComponentHealth(service.Name, HealthReport.NotReady, $"grpc.health.v1 says {response.Status}", null);
    }

    private async Task<ComponentHealth> CheckBrokerAsync()
    {
        var settings = MessagingSettings.From(configuration);
        var address = $"{settings.Host}:{settings.Port}";
        using var timeout = new CancellationTokenSource(CheckTimeout);
        try
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(settings.Host, settings.Port, timeout.Token);
            return new ComponentHealth("broker", HealthReport.Reachable, address, null);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return new ComponentHealth("broker", HealthReport.Unreachable, $"{address}: {(ex is OperationCanceledException ? "no answer" : ex.Message)}", null);
        }
    }

    private async Task<ComponentHealth> CheckKeyStoreAsync()
    {
        using var timeout = new CancellationTokenSource(CheckTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ready = await scope.ServiceProvider.GetRequiredService<GatewayDb>().Database.CanConnectAsync(timeout.Token);
            return new ComponentHealth("key-store", ready ? HealthReport.Ready : HealthReport.Unreachable, null, null);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Data.Common.DbException or InvalidOperationException)
        {
            return new ComponentHealth("key-store", HealthReport.Unreachable, ex.Message, null);
        }
    }
}
