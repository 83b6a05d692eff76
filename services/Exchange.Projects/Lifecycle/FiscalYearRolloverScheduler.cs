using Exchange.Projects.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Projects.Lifecycle;

/// <summary>
/// Rolls the programme over on 1 April, Japan time: every <c>Lifecycle:Rollover:CheckInterval</c>
/// it opens the current fiscal year if it is not open yet, and any year missed while the service
/// was down before it, in order (the first run opens the current year only). Off with
/// <c>Lifecycle:Rollover:Automatic=false</c>. A failed attempt (database down, a concurrent
/// change) is logged and tried again at the next check; a year another instance rolled over
/// meanwhile is left as it is.
/// </summary>
public sealed class FiscalYearRolloverScheduler(IServiceScopeFactory scopes, IOptions<LifecycleOptions> options, TimeProvider clock, ILogger<FiscalYearRolloverScheduler> logger) : BackgroundService
{
    public const string Actor = "scheduler (1 April, Japan time)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rollover = options.Value.Rollover;
        if (!rollover.Automatic || rollover.CheckInterval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RollOverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The fiscal-year rollover failed; trying again in {Interval}", rollover.CheckInterval);
            }
            try
            {
                await Task.Delay(rollover.CheckInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Opens every fiscal year due now that is not open yet; answers the years it opened.</summary>
    public async Task<IReadOnlyList<int>> RollOverDueAsync(CancellationToken cancellationToken)
    {
        var current = JapanCalendar.FiscalYearOf(clock.GetUtcNow());
        var opened = new List<int>();
        int? last;
        await using (var scope = scopes.CreateAsyncScope())
        {
            last = await scope.ServiceProvider.GetRequiredService<FiscalYearRollovers>().LastAsync(cancellationToken);
        }
        for (var year = last is { } l ? l + 1 : current; year <= current; year++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProjectsDb>();
            var (_, done) = await scope.ServiceProvider.GetRequiredService<FiscalYearRollovers>().RollOverAsync(year, Actor, cancellationToken);
            if (done) continue;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                opened.Add(year);
            }
            catch (DbUpdateException)
            {
                if (!await RolledOverMeanwhile(year, cancellationToken)) throw;
                logger.LogInformation("FY{FiscalYear} was rolled over by another instance meanwhile", year);
            }
        }
        return opened;
    }

    private async Task<bool> RolledOverMeanwhile(int fiscalYear, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FiscalYearRollovers>().FindAsync(fiscalYear, cancellationToken) is not null;
    }
}
