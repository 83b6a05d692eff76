using Microsoft.Extensions.Options;

namespace Exchange.Claims.Lifecycle;

/// <summary>
/// Looks for ended closing periods every <c>Claims:ClosingCheckInterval</c> and announces them. A
/// failed round (database down) is logged and tried again at the next interval.
/// </summary>
public sealed class ClosingPeriodScheduler(IServiceScopeFactory scopes, IOptions<ClaimsOptions> options, ILogger<ClosingPeriodScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ClosingCheckInterval;
        if (interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ClosingPeriods>().AnnounceDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Looking for ended closing periods failed; trying again in {Interval}", interval);
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
