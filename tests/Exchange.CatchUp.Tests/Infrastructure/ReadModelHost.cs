using Exchange.Claims;
using Exchange.Claims.Data;
using Exchange.Messaging.CatchUp;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Missions;
using Exchange.Missions.Data;
using Exchange.Surveys;
using Exchange.Surveys.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.CatchUp.Tests.Infrastructure;

/// <summary>
/// A service that keeps a read model of projects (Claims, Missions or Surveys) under test, with
/// what the tests look at in its database: the projects it holds and its catch-up request.
/// </summary>
public sealed class ReadModelHost(string name, ServiceHost host, Type dbType, Func<DbContext, Task<Dictionary<Guid, long>>> readModel) : IAsyncDisposable
{
    public const string CatchUp = "project-snapshots";

    public string Name => name;

    public ServiceHost Host => host;

    public static async Task<ReadModelHost> ClaimsAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?> settings) =>
        new("claims", await ServiceHost.StartAsync("claims", ClaimsApp.Build, provider, settings), typeof(ClaimsDb),
            db => ((ClaimsDb)db).Projects.AsNoTracking().ToDictionaryAsync(p => p.ProjectId, p => p.Version));

    public static async Task<ReadModelHost> MissionsAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?> settings) =>
        new("missions", await ServiceHost.StartAsync("missions", MissionsApp.Build, provider, settings), typeof(MissionsDb),
            db => ((MissionsDb)db).Projects.AsNoTracking().ToDictionaryAsync(p => p.ProjectId, p => p.Version));

    public static async Task<ReadModelHost> SurveysAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?> settings) =>
        new("surveys", await ServiceHost.StartAsync("surveys", SurveysApp.Build, provider, settings), typeof(SurveysDb),
            db => ((SurveysDb)db).Projects.AsNoTracking().ToDictionaryAsync(p => p.ProjectId, p => p.Version));

    /// <summary>The version of each project the read model holds.</summary>
    public Task<Dictionary<Guid, long>> ReadModel() => InDatabase(readModel);

    /// <summary>Waits until the read model holds every one of <paramref name="projects"/> at its version (20 s at most).</summary>
    public Task<Dictionary<Guid, long>> Holds(IReadOnlyDictionary<Guid, long> projects) =>
        Eventually.Poll(ReadModel, held => projects.All(p => held.TryGetValue(p.Key, out var version) && version == p.Value));

    /// <summary>The service's catch-up request on projects; null before it asked.</summary>
    public Task<CatchUpRequest?> Request() =>
        InDatabase(db => db.Set<CatchUpRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Name == CatchUp));

    /// <summary>Waits until the Projects service's answer to the current request has been recorded (20 s at most).</summary>
    public async Task<CatchUpRequest> Answered() => (await Eventually.Poll(Request, r => r?.AnsweredAt is not null))!;

    /// <summary>How many requests for the snapshots of every project the service has written to its outbox.</summary>
    public Task<int> RequestsSent() =>
        InDatabase(db => db.Set<OutboxMessage>().CountAsync(m => m.StreamKey == "catch-up/" + CatchUp));

    public async Task<T> InDatabase<T>(Func<DbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query((DbContext)scope.ServiceProvider.GetRequiredService(dbType));
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
