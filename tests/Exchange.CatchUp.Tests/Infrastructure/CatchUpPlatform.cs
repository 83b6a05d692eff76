using Exchange.Contracts.Projects;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Projects;
using Exchange.Projects.Data;
using Exchange.Projects.IntegrationEvents;
using Exchange.Projects.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace Exchange.CatchUp.Tests.Infrastructure;

/// <summary>
/// A platform on one database provider whose Projects service started alone, loaded the demo
/// projects and published them before any other service existed: on a new broker those events
/// reached no queue. Its events travel on exchanges of its own (<c>Messaging:ExchangePrefix</c>),
/// so that no other test run's services ask its Projects service, or answer its services.
/// </summary>
public sealed class CatchUpPlatform : IAsyncDisposable
{
    /// <summary>Snapshots per transaction of an answer: small, so that the demo projects take several pages.</summary>
    public const int PageSize = 7;

    private readonly List<ReadModelHost> _readModels = [];

    private CatchUpPlatform(DatabaseProvider provider, string prefix, string projectsQueuePrefix, ServiceHost projects)
    {
        Provider = provider;
        Prefix = prefix;
        ProjectsQueuePrefix = projectsQueuePrefix;
        Projects = projects;
    }

    public DatabaseProvider Provider { get; }

    public string Prefix { get; }

    public string ProjectsQueuePrefix { get; }

    public ServiceHost Projects { get; }

    /// <summary>Starts the Projects service alone and waits until every demo project's snapshot has gone out (to no one).</summary>
    public static async Task<CatchUpPlatform> StartAsync(DatabaseProvider provider)
    {
        var prefix = $"catch-up-test-{Guid.NewGuid():N}"[..26] + ":";
        var projectsQueuePrefix = $"projects-test-{Guid.NewGuid():N}"[..24];
        var projects = await ServiceHost.StartAsync("projects", ProjectsApp.Build, provider, new Dictionary<string, string?>
        {
            ["Messaging:ExchangePrefix"] = prefix,
            ["Messaging:QueuePrefix"] = projectsQueuePrefix,
            ["Demo:Load"] = "true",
            ["Projects:SnapshotAnswers:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var platform = new CatchUpPlatform(provider, prefix, projectsQueuePrefix, projects);
        await Eventually.Poll(() => platform.InProjects(db => db.Set<OutboxMessage>().AnyAsync(m => m.DispatchedAt == null)), waiting => !waiting);
        return platform;
    }

    public Task<ReadModelHost> StartClaimsAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        Track(ReadModelHost.ClaimsAsync(Provider, With(settings)));

    public Task<ReadModelHost> StartMissionsAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        Track(ReadModelHost.MissionsAsync(Provider, With(settings, new() { ["Services:Projects"] = Projects.RpcAddress.ToString() })));

    public Task<ReadModelHost> StartSurveysAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        Track(ReadModelHost.SurveysAsync(Provider, With(settings)));

    /// <summary>Every project the Projects service holds, with its version.</summary>
    public Task<Dictionary<Guid, long>> ProjectVersions() =>
        InProjects(db => db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Version));

    /// <summary>The snapshot the Projects service publishes of each project now.</summary>
    public async Task<IReadOnlyList<ProjectStateChanged>> Snapshots() =>
        [.. (await InProjects(db => db.Projects.AsNoTracking().ToListAsync())).Select(ProjectEvents.Snapshot)];

    public Task<List<SnapshotAnswer>> Answers() => InProjects(db => db.Set<SnapshotAnswer>().AsNoTracking().ToListAsync());

    /// <summary>The types of the events of an answer's outbox stream, in order.</summary>
    public Task<List<string>> AnswerStream(Guid requestId) => InProjects(db => db.Set<OutboxMessage>()
        .Where(m => m.StreamKey == $"project-snapshots/{requestId}")
        .OrderBy(m => m.Sequence)
        .Select(m => m.MessageType)
        .ToListAsync());

    public Task<T> InProjects<T>(Func<ProjectsDb, Task<T>> query) => Projects.InDatabase(query);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _readModels) await host.DisposeAsync();
        await Projects.DisposeAsync();
    }

    private async Task<ReadModelHost> Track(Task<ReadModelHost> starting)
    {
        var host = await starting;
        _readModels.Add(host);
        return host;
    }

    private Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? settings, Dictionary<string, string?>? service = null)
    {
        var all = service ?? [];
        all["Messaging:ExchangePrefix"] = Prefix;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return all;
    }
}
