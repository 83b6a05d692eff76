using Exchange.Claims.Data;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Tests.Infrastructure;

/// <summary>The Claims service under test, with what the tests look at in its database.</summary>
public sealed class ClaimsHost(ServiceHost host) : IAsyncDisposable
{
    public ServiceHost Host => host;

    public ClaimsClient Client { get; } = new(host.RpcAddress);

    public static async Task<ClaimsHost> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await ServiceHost.StartAsync("claims", ClaimsApp.Build, provider, settings));

    public Task<T> InDatabase<T>(Func<ClaimsDb, Task<T>> query) => host.InDatabase(query);

    /// <summary>
    /// What a refused call about a project must leave as it was: its claims and their versions,
    /// payments, contracts and their versions, budget, audit entries and events, and the programme's
    /// rulebooks and rates. Scoped to the project, so that events arriving for other projects meanwhile do not count.
    /// </summary>
    public Task<StoredState> Stored(string projectId) => InDatabase(async db =>
    {
        var id = Guid.Parse(projectId);
        var claims = await db.Claims.Where(c => c.ProjectId == id).Select(c => new { c.Id, c.Version }).ToListAsync();
        var contracts = await db.Contracts.Where(c => c.ProjectId == id).Select(c => new { c.Id, c.Version }).ToListAsync();
        var claimIds = claims.Select(c => c.Id).ToList();
        var streams = claims.Select(c => c.Id.ToString()).Concat(contracts.Select(c => c.Id.ToString())).Append(projectId).ToList();
        return new StoredState(
            claims.Count,
            claims.Sum(c => c.Version),
            await db.Payments.CountAsync(p => claimIds.Contains(p.ClaimId)),
            contracts.Count,
            contracts.Sum(c => c.Version),
            await db.Budgets.Where(b => b.ProjectId == id).SumAsync(b => b.Version),
            await db.Rulebooks.CountAsync(),
            await db.ExchangeRates.CountAsync(),
            await db.AuditTrail.CountAsync(e => e.ProjectId == id),
            await db.Set<OutboxMessage>().CountAsync(m => streams.Contains(m.StreamKey)));
    });

    /// <summary>Waits until the read model holds the project at <paramref name="version"/> or later, for at most 20 s.</summary>
    public async Task WaitForReadModel(string projectId, long version)
    {
        var id = Guid.Parse(projectId);
        for (var i = 0; i < 400; i++)
        {
            var held = await InDatabase(db => db.Projects.AsNoTracking().Where(p => p.ProjectId == id).Select(p => (long?)p.Version).FirstOrDefaultAsync());
            if (held >= version) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The read model did not reach version {version} of project {projectId}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await host.DisposeAsync();
    }
}

public readonly record struct StoredState(int Claims, long ClaimVersions, int Payments, int Contracts, long ContractVersions, long BudgetVersion, int Rulebooks, int Rates, int AuditEntries, int Events);
