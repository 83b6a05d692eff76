using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Missions.Data;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Missions.Tests.Infrastructure;

/// <summary>The Missions service under test, with what the tests look at in its database.</summary>
public sealed class MissionsHost(ServiceHost host) : IAsyncDisposable
{
    public ServiceHost Host => host;

    public MissionsClient Client { get; } = new(host.RpcAddress);

    /// <summary>Starts Missions checking projects against <paramref name="projectsAddress"/>.</summary>
    public static async Task<MissionsHost> StartAsync(DatabaseProvider provider, Uri projectsAddress) =>
        new(await ServiceHost.StartAsync("missions", MissionsApp.Build, provider, new Dictionary<string, string?>
        {
            ["Services:Projects"] = projectsAddress.ToString(),
            ["ProjectChecks:Deadline"] = "00:00:05",
        }));

    public Task<T> InDatabase<T>(Func<MissionsDb, Task<T>> query) => host.InDatabase(query);

    /// <summary>
    /// What a refused call must leave as it was: activities, their versions, organisations, events
    /// (but the service's own request for the snapshots of every project, repeated until answered).
    /// </summary>
    public Task<StoredState> Stored() => InDatabase(async db => new StoredState(
        await db.Activities.CountAsync(),
        await db.Activities.SumAsync(a => a.Version),
        await db.Organisations.CountAsync(),
        await db.Set<OutboxMessage>().CountAsync(m => !m.StreamKey.StartsWith("catch-up/"))));

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

public readonly record struct StoredState(int Activities, long VersionSum, int Organisations, int Events);
