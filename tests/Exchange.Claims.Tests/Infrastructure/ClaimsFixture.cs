using Exchange.Contracts.Claims;
using Exchange.Messaging.Persistence;

namespace Exchange.Claims.Tests.Infrastructure;

/// <summary>
/// A Projects and a Claims service on SQLite and another pair on PostgreSQL, and an observer of
/// the Claims events (whose bus also plays Missions), shared by the functional tests.
/// </summary>
public sealed class ClaimsFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Deployment> _deployments = [];

    public EventObserver Events { get; private set; } = null!;

    public Deployment On(DatabaseProvider provider) => _deployments[provider];

    /// <summary>
    /// The observed events of one claim. Other Claims services on the same broker (other test runs,
    /// a local platform) consume the tests' activity events too and open claims of their own for
    /// the same project: a claim's own events are told apart by its id.
    /// </summary>
    public IReadOnlyList<object> EventsOfClaim(string projectId, string claimId) =>
        [.. Events.For(projectId).Where(e => e.GetType().GetProperty("ClaimId")?.GetValue(e) is Guid id && id == Guid.Parse(claimId))];

    public async Task<IReadOnlyList<object>> WaitForClaimEvents(string projectId, string claimId, Func<IReadOnlyList<object>, bool> condition)
    {
        await Events.WaitFor(projectId, _ => condition(EventsOfClaim(projectId, claimId)));
        return EventsOfClaim(projectId, claimId);
    }

    public async Task InitializeAsync()
    {
        Events = await EventObserver.StartAsync("claims", events => events
            .Observe<ClaimDrafted>(m => m.ProjectId)
            .Observe<ClaimSubmitted>(m => m.ProjectId)
            .Observe<ClaimReviewStarted>(m => m.ProjectId)
            .Observe<ClaimReturned>(m => m.ProjectId)
            .Observe<ClaimApproved>(m => m.ProjectId)
            .Observe<ClaimRejected>(m => m.ProjectId)
            .Observe<ClaimPaid>(m => m.ProjectId)
            .Observe<CoordinatorContractSigned>(m => m.ProjectId)
            .Observe<CoordinatorContractRenewed>(m => m.ProjectId)
            .Observe<CoordinatorInvoiceRecorded>(m => m.ProjectId)
            .Observe<BudgetSet>(m => m.ProjectId));
        var starting = new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql }.Select(async p => (p, await Deployment.StartAsync(p, Events.Bus))).ToList();
        foreach (var (provider, deployment) in await Task.WhenAll(starting)) _deployments[provider] = deployment;
    }

    public async Task DisposeAsync()
    {
        foreach (var deployment in _deployments.Values) await deployment.DisposeAsync();
        await Events.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClaimsCollection : ICollectionFixture<ClaimsFixture>
{
    public const string Name = "claims service";
}
