using Exchange.Contracts.Projects;
using Exchange.Messaging.Persistence;

namespace Exchange.Projects.Tests.Infrastructure;

/// <summary>
/// One Projects host on SQLite and one on PostgreSQL, and an observer of their events, shared by
/// the functional tests; tests choose the provider.
/// </summary>
public sealed class ProjectsFixture : IAsyncLifetime
{
    private ProjectsHost _sqlite = null!;
    private ProjectsHost _postgres = null!;
    private readonly Dictionary<DatabaseProvider, ProjectsClient> _clients = [];

    public EventObserver Events { get; private set; } = null!;

    public ProjectsHost Host(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql ? _postgres : _sqlite;

    public ProjectsClient Client(DatabaseProvider provider) => _clients[provider];

    public async Task InitializeAsync()
    {
        Events = await EventObserver.StartAsync("projects", events => events
            .Observe<ProjectRegistered>(m => m.ProjectId)
            .Observe<ProjectAdopted>(m => m.ProjectId)
            .Observe<ProjectActivated>(m => m.ProjectId)
            .Observe<ProjectContinued>(m => m.ProjectId)
            .Observe<ProjectRegionExpanded>(m => m.ProjectId)
            .Observe<AchievementRecorded>(m => m.ProjectId)
            .Observe<ProjectCompleted>(m => m.ProjectId)
            .Observe<ProjectFollowUpChanged>(m => m.ProjectId)
            .Observe<ProjectClosed>(m => m.ProjectId)
            .Observe<ProjectWithdrawn>(m => m.ProjectId)
            .Observe<ProjectStateChanged>(m => m.ProjectId));
        _sqlite = await ProjectsHost.StartAsync(DatabaseProvider.Sqlite);
        _postgres = await ProjectsHost.StartAsync(DatabaseProvider.PostgreSql);
        _clients[DatabaseProvider.Sqlite] = new ProjectsClient(_sqlite.RpcAddress);
        _clients[DatabaseProvider.PostgreSql] = new ProjectsClient(_postgres.RpcAddress);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _sqlite.DisposeAsync();
        await _postgres.DisposeAsync();
        await Events.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProjectsCollection : ICollectionFixture<ProjectsFixture>
{
    public const string Name = "projects service";
}
