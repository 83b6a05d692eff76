using Exchange.Contracts.Surveys;
using Exchange.Messaging.Persistence;

namespace Exchange.Surveys.Tests.Infrastructure;

/// <summary>
/// A Projects and a Surveys service on SQLite and another pair on PostgreSQL, and an observer of
/// the Surveys events (by round; schedules by project), shared by the functional tests.
/// </summary>
public sealed class SurveysFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Deployment> _deployments = [];

    public EventObserver Events { get; private set; } = null!;

    public Deployment On(DatabaseProvider provider) => _deployments[provider];

    public async Task InitializeAsync()
    {
        Events = await EventObserver.StartAsync("surveys", events => events
            .Observe<SurveyRoundOpened>(m => m.RoundId)
            .Observe<SurveyInvitationSent>(m => m.RoundId)
            .Observe<SurveyResponseSubmitted>(m => m.RoundId)
            .Observe<SurveyRoundClosed>(m => m.RoundId)
            .Observe<FollowUpSurveyScheduled>(m => m.ProjectId));
        var deployments = await Task.WhenAll(Deployment.StartAsync(DatabaseProvider.Sqlite), Deployment.StartAsync(DatabaseProvider.PostgreSql));
        _deployments[DatabaseProvider.Sqlite] = deployments[0];
        _deployments[DatabaseProvider.PostgreSql] = deployments[1];
    }

    public async Task DisposeAsync()
    {
        foreach (var deployment in _deployments.Values) await deployment.DisposeAsync();
        if (Events is not null) await Events.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SurveysCollection : ICollectionFixture<SurveysFixture>
{
    public const string Name = "surveys service";
}
