using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.ServiceDefaults;

/// <summary>Ready while the service's database answers.</summary>
internal sealed class DatabaseReadinessCheck<TContext>(IServiceScopeFactory scopes) : IReadinessCheck where TContext : DbContext
{
    public string Name => "database";

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Database.CanConnectAsync(cancellationToken);
    }
}
