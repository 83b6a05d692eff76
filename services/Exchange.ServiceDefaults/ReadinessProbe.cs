using Exchange.Rpc.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Exchange.ServiceDefaults;

/// <summary>
/// Runs the readiness checks every few seconds. Each check's result is published under its own
/// name; the overall status ("") is SERVING only while all of them pass.
/// </summary>
internal sealed class ReadinessProbe(IEnumerable<IReadinessCheck> checks, HealthStatusRegistry registry, ILogger<ReadinessProbe> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var all = checks.ToArray();
        while (!stoppingToken.IsCancellationRequested)
        {
            var allReady = true;
            foreach (var check in all)
            {
                var ready = await RunAsync(check, stoppingToken);
                allReady &= ready;
                registry.SetStatus(check.Name, ready ? ServingStatus.Serving : ServingStatus.NotServing);
            }
            registry.SetStatus("", allReady ? ServingStatus.Serving : ServingStatus.NotServing);
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> RunAsync(IReadinessCheck check, CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            return await check.IsReadyAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Readiness check {Check} failed: {Reason}", check.Name, ex.Message);
            return false;
        }
    }
}
