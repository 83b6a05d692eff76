using Exchange.CatchUp.Tests.Infrastructure;
using Exchange.Contracts.Projects;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Surveys.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Exchange.CatchUp.Tests;

/// <summary>
/// Services that keep read models of projects learn the projects published before their queues
/// existed: each asks the Projects service once for the snapshot of every project, and Projects
/// answers each request once.
/// </summary>
public sealed class CatchUpTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Services_started_after_the_projects_were_published_learn_every_project_and_ask_only_once(DatabaseProvider provider)
    {
        await using var platform = await CatchUpPlatform.StartAsync(provider);
        var projects = await platform.ProjectVersions();
        Assert.True(projects.Count > 2 * CatchUpPlatform.PageSize, $"the demo has {projects.Count} projects: too few to take several pages");

        var claims = await platform.StartClaimsAsync();
        var missions = await platform.StartMissionsAsync();
        var surveys = await platform.StartSurveysAsync();

        foreach (var service in new[] { claims, missions, surveys })
        {
            var held = await service.Holds(projects);
            Assert.Equal(projects.Count, held.Count);
            var request = await service.Answered();
            Assert.Equal(1, request.Attempts);
            Assert.Equal(1, await service.RequestsSent());
        }
        // The fields only the snapshot event carries, not the Projects service's RPC: what analysis by project needs.
        var expected = (await platform.Snapshots()).ToDictionary(s => s.ProjectId);
        var analysed = await surveys.InDatabase(db => ((SurveysDb)db).Projects.AsNoTracking().ToListAsync());
        foreach (var project in analysed)
        {
            var snapshot = expected[project.ProjectId];
            Assert.Equal((snapshot.Sector, snapshot.Bureau, snapshot.Prefecture, snapshot.FirstAchievementTiming), (project.Sector, project.Bureau, project.Prefecture, project.FirstAchievementTiming));
            Assert.Equal(snapshot.Countries, project.Countries);
            Assert.Equal(snapshot.WorldAreas, project.WorldAreas);
        }

        // One answer per service, each complete; the projects themselves did not change.
        var answers = await platform.Answers();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Equal(projects.Count, a.Sent));
        Assert.All(answers, a => Assert.NotNull(a.CompletedAt));
        Assert.Equal(projects, await platform.ProjectVersions());
        var stream = await platform.AnswerStream(answers[0].RequestId);
        Assert.Equal(projects.Count, stream.Count(t => t.Contains(nameof(ProjectStateChanged), StringComparison.Ordinal)));
        Assert.Contains(nameof(ProjectSnapshotsSent), stream[^1], StringComparison.Ordinal);

        // Started again, Missions and Surveys do not ask again. Claims is told by its operator to
        // resynchronise (a new label): it asks once more, and its answer is what shows that the
        // others had time to ask, had they been going to.
        var before = await Task.WhenAll(new[] { missions, surveys }.Select(async s => (await s.Request())!.RequestId));
        foreach (var service in new[] { claims, missions, surveys }) await service.Host.StopAsync();
        await missions.Host.StartAgainAsync();
        await surveys.Host.StartAgainAsync();
        await claims.Host.StartAgainAsync(new Dictionary<string, string?> { ["Messaging:CatchUp:Resync"] = "queues-recreated" });

        var resync = await claims.Answered();
        Assert.Equal("queues-recreated", resync.Resync);
        Assert.Equal(2, await claims.RequestsSent());
        Assert.Equal(4, (await platform.Answers()).Count);
        var after = await Task.WhenAll(new[] { missions, surveys }.Select(async s => (await s.Request())!));
        Assert.Equal(before, after.Select(r => r.RequestId));
        Assert.All(after, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(1, await missions.RequestsSent());
        Assert.Equal(1, await surveys.RequestsSent());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_copy_of_an_answered_request_sends_no_snapshot_again(DatabaseProvider provider)
    {
        await using var platform = await CatchUpPlatform.StartAsync(provider);
        var projects = await platform.ProjectVersions();
        var claims = await platform.StartClaimsAsync();
        var request = await claims.Answered();
        var held = await claims.Holds(projects);
        var firstAnswer = await platform.AnswerStream(request.RequestId);
        var sent = await claims.InDatabase(db => db.Set<OutboxMessage>().FirstAsync(m => m.StreamKey == "catch-up/" + ReadModelHost.CatchUp));

        // The same message delivered again, and the asker's own repetition (same request, new message).
        var bus = claims.Host.Services.GetRequiredService<IBus>();
        var copy = new ProjectSnapshotsRequested(request.RequestId, "claims", DateTimeOffset.UtcNow);
        await bus.Publish(copy, context => context.MessageId = sent.Id);
        await bus.Publish(copy);

        // Each copy is confirmed, nothing more.
        var stream = await Eventually.Poll(() => platform.AnswerStream(request.RequestId),
            s => s.Count(t => t.Contains(nameof(ProjectSnapshotsSent), StringComparison.Ordinal)) == 3);
        Assert.Equal(firstAnswer.Count + 2, stream.Count);
        Assert.Equal(projects.Count, stream.Count(t => t.Contains(nameof(ProjectStateChanged), StringComparison.Ordinal)));
        var answer = Assert.Single(await platform.Answers());
        Assert.Equal(projects.Count, answer.Sent);

        // The confirmations are dispatched and consumed, and change nothing at the asker.
        await Eventually.Poll(() => platform.InProjects(db => db.Set<OutboxMessage>().AnyAsync(m => m.DispatchedAt == null)), waiting => !waiting);
        Assert.Equal(held, await claims.ReadModel());
        var after = (await claims.Request())!;
        Assert.Equal((request.RequestId, 1, request.AnsweredAt), (after.RequestId, after.Attempts, after.AnsweredAt));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_request_lost_for_want_of_a_queue_is_repeated_until_the_projects_service_answers(DatabaseProvider provider)
    {
        await using var platform = await CatchUpPlatform.StartAsync(provider);
        var projects = await platform.ProjectVersions();
        // Projects is down and its queue of requests is gone (deleted by an operator, or never
        // declared by a version without it): a request now reaches no queue.
        await platform.Projects.StopAsync();
        await DeleteQueue($"{platform.ProjectsQueuePrefix}-project-snapshots-requested");

        var claims = await platform.StartClaimsAsync(new Dictionary<string, string?> { ["Messaging:CatchUp:RetryInterval"] = "00:00:00.500" });
        await Eventually.Poll(claims.Request, r => r?.Attempts >= 2);
        Assert.Empty(await claims.ReadModel());

        await platform.Projects.StartAgainAsync();
        var request = await claims.Answered();
        Assert.True(request.Attempts >= 2);
        Assert.Equal(projects.Count, (await claims.Holds(projects)).Count);
        // However often it was asked, the request was answered once.
        var answer = Assert.Single(await platform.Answers());
        Assert.Equal(request.RequestId, answer.RequestId);
    }

    private static async Task DeleteQueue(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
    }
}
