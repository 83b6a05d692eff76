using Exchange.Contracts.Missions;
using Exchange.Messaging.Persistence;

namespace Exchange.Missions.Tests.Infrastructure;

/// <summary>
/// A Projects and a Missions service on SQLite and another pair on PostgreSQL, and an observer of
/// the Missions events, shared by the functional tests; tests choose the provider.
/// </summary>
public sealed class MissionsFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Deployment> _deployments = [];

    public EventObserver Events { get; private set; } = null!;

    public Deployment On(DatabaseProvider provider) => _deployments[provider];

    public async Task InitializeAsync()
    {
        Events = await EventObserver.StartAsync("missions", events => events
            .Observe<ActivityPlanned>(m => m.ProjectId)
            .Observe<ActivityConfirmed>(m => m.ProjectId)
            .Observe<ActivityCompleted>(m => m.ProjectId)
            .Observe<ActivityCancelled>(m => m.ProjectId)
            .Observe<ActivityReopened>(m => m.ProjectId)
            .Observe<MeetingRecorded>(m => m.ProjectId)
            .Observe<ActivityOutcomeReported>(m => m.ProjectId));
        _deployments[DatabaseProvider.Sqlite] = await Deployment.StartAsync(DatabaseProvider.Sqlite);
        _deployments[DatabaseProvider.PostgreSql] = await Deployment.StartAsync(DatabaseProvider.PostgreSql);
    }

    public async Task DisposeAsync()
    {
        foreach (var deployment in _deployments.Values) await deployment.DisposeAsync();
        await Events.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MissionsCollection : ICollectionFixture<MissionsFixture>
{
    public const string Name = "missions service";
}
