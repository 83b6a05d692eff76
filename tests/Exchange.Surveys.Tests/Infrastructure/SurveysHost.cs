using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Surveys.Data;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Surveys.Tests.Infrastructure;

/// <summary>The Surveys service under test, with its two clients and what the tests look at in its database.</summary>
public sealed class SurveysHost(ServiceHost host) : IAsyncDisposable
{
    public ServiceHost Host => host;

    public SurveysClient Client { get; } = new(host.RpcAddress);

    public RespondentClient Respondent { get; } = new(host.RpcAddress);

    public static async Task<SurveysHost> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await ServiceHost.StartAsync("surveys", SurveysApp.Build, provider, settings));

    public Task<T> InDatabase<T>(Func<SurveysDb, Task<T>> query) => host.InDatabase(query);

    /// <summary>
    /// What a refused call must leave as it was: rounds, invitations with their answers, opened
    /// schedules, questionnaires, events. Follow-ups scheduled meanwhile are left out: every test
    /// run on the broker completes projects, and this service hears of all of them; so is the
    /// service's own request for the snapshots of every project, repeated until answered.
    /// </summary>
    public Task<StoredState> Stored() => InDatabase(async db => new StoredState(
        await db.Rounds.SumAsync(r => r.Version) + await db.Rounds.CountAsync(),
        await db.Invitations.SumAsync(i => i.Version) + await db.Invitations.CountAsync(),
        string.Join("|", await db.Invitations.OrderBy(i => i.Id).Select(i => i.TokenHash + i.AnswersDigest + i.Status).ToListAsync()).GetHashCode(StringComparison.Ordinal),
        await db.ScheduledSurveys.CountAsync(s => s.Status == Exchange.Surveys.V1.ScheduleStatus.RoundOpened),
        await db.Questionnaires.CountAsync(),
        await db.Set<OutboxMessage>().CountAsync(m => !m.MessageType.Contains("FollowUpSurveyScheduled") && !m.StreamKey.StartsWith("catch-up/"))));

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
        Respondent.Dispose();
        await host.DisposeAsync();
    }
}

public readonly record struct StoredState(long Rounds, long Invitations, int Responses, int Schedules, int Questionnaires, int Events);
