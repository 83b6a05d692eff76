using System.Diagnostics;
using Exchange.Reliability.Clients;
using Exchange.Reliability.Infrastructure;
using Exchange.Testing;
using Xunit.Abstractions;

namespace Exchange.Reliability;

/// <summary>
/// Services down, as processes killed: with Projects down, Missions goes on planning against its
/// read model (as its README designs) and the outcomes it reports wait in Projects' durable queue
/// until Projects is back; with Missions down, the project changes meanwhile reach its read model
/// from its own durable queue once it is back.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ServiceOutageTests(DedicatedServers servers, ITestOutputHelper output)
{
    private static readonly Caller Hamamatsu = Caller.Body(ProjectsCalls.Body);

    [Fact]
    public async Task Missions_degrades_to_its_read_model_while_Projects_is_down_and_both_catch_up_from_their_queues()
    {
        var clock = Stopwatch.StartNew();
        var missionsDb = servers.NewDatabase("missions");
        await using var projects = ServiceProcess.Create("Exchange.Projects", "projects", servers.RabbitMq, servers.NewDatabase("projects"));
        await projects.StartAsync();
        await using var missions = ServiceProcess.Create("Exchange.Missions", "missions", servers.RabbitMq, missionsDb,
            new Dictionary<string, string?> { ["Services:Projects"] = projects.RpcAddress.ToString().TrimEnd('/') });
        await missions.StartAsync();
        using var projectCalls = new ProjectsCalls(projects.RpcAddress);
        using var missionCalls = new MissionsCalls(missions.RpcAddress);

        var project = await projectCalls.ActiveProjectAsync();
        await ReadModelVersionAsync(missionsDb, project.Id, project.Version);
        var (first, checkedBy) = await missionCalls.PlanAsync(project.Id, new DateOnly(2007, 6, 4), Hamamatsu);
        Assert.Equal("projects-service", checkedBy);

        // Projects down: Missions checks against its read model; the outcomes wait in Projects' queue.
        await projects.KillAsync();
        var outageStarted = clock.Elapsed;
        var activities = new List<string>();
        var deciders = new List<string>();
        for (var i = 0; i < SuiteSize.Current.OutageActivities; i++)
        {
            var (activity, decidedBy) = await missionCalls.PlanAsync(project.Id, new DateOnly(2007, 7, 2).AddDays(7 * i), Hamamatsu);
            deciders.Add(decidedBy);
            await missionCalls.CompleteAsync(activity.Id, Hamamatsu);
            await missionCalls.ReportOutcome(activity.Id, $"export-{i}", new DateOnly(2007, 11, 20), Hamamatsu);
            activities.Add(activity.Id);
        }
        var downFor = clock.Elapsed - outageStarted;
        await projects.StartAsync();
        var restartedAt = clock.Elapsed;
        var caughtUp = await Progress.UntilAsync(async () => (await projectCalls.Get(project.Id)).Achievements.Count(a => activities.Contains(a.ActivityId)),
            activities.Count, TimeSpan.FromSeconds(60), "outcomes recorded as achievements");
        var projectsCatchUp = clock.Elapsed - restartedAt;
        var recorded = (await projectCalls.Get(project.Id)).Achievements.Where(a => activities.Contains(a.ActivityId)).ToList();
        var degraded = deciders.Count(d => d == $"read-model; version={project.Version}");
        servers.Report.Add(new ScenarioResult("Projects down: Missions decides on its read model; outcomes wait in Projects' queue",
            activities.Count, recorded.Count, activities.Count - recorded.Count, 0, (deciders.Count - degraded) + (recorded.Count - recorded.Select(a => a.ActivityId).Distinct().Count()),
            clock.Elapsed, $"{degraded} of {deciders.Count} activities planned while Projects was down ({downFor.TotalSeconds:0} s), checked by \"read-model; version={project.Version}\"; achievements recorded {projectsCatchUp.TotalSeconds:0.0} s after Projects was ready again"), output);

        // Missions down: the project changes meanwhile, each a ProjectStateChanged in Missions' durable queue.
        var before = (await projectCalls.Get(project.Id)).Version;
        await ReadModelVersionAsync(missionsDb, project.Id, before);
        await missions.KillAsync();
        var changes = SuiteSize.Current.OutageActivities;
        for (var i = 0; i < changes; i++) await projectCalls.RecordAchievement(project.Id, $"direct-{i}", new DateOnly(2007, 12, 3).AddDays(i));
        var latest = (await projectCalls.Get(project.Id)).Version;
        await missions.StartAsync();
        var missionsRestartedAt = clock.Elapsed;
        var held = await Progress.UntilAsync(() => ReadModelAsync(missionsDb, project.Id), latest, TimeSpan.FromSeconds(60), "the read model at the newest version");
        var missionsCatchUp = clock.Elapsed - missionsRestartedAt;
        var (afterOutage, decidedAfter) = await missionCalls.PlanAsync(project.Id, new DateOnly(2008, 1, 14), Hamamatsu);
        servers.Report.Add(new ScenarioResult("Missions down: its read model catches up from its durable queue",
            latest - before, held - before, latest - held, 0, held > latest ? held - latest : 0, clock.Elapsed,
            $"{changes} project changes while Missions was down; read model at version {held} of {latest} {missionsCatchUp.TotalSeconds:0.0} s after Missions was ready again; next check by {decidedAfter}"), output);

        Assert.Equal(deciders.Count, degraded);
        Assert.Equal(activities.Count, recorded.Count);
        Assert.Equal(activities.Count, caughtUp);
        Assert.Equal(latest, held);
        Assert.Equal("projects-service", decidedAfter);
        Assert.NotNull(first);
        Assert.NotNull(afterOutage);
    }

    private static async Task<long> ReadModelAsync(string database, string projectId)
    {
        var versions = await Sql.QueryAsync(database, "select \"Version\" from projects_read_model where \"ProjectId\" = @id", r => r.GetInt64(0), ("id", Guid.Parse(projectId)));
        return versions.DefaultIfEmpty(0).Single();
    }

    private static Task ReadModelVersionAsync(string database, string projectId, long version) =>
        Progress.PollAsync(() => ReadModelAsync(database, projectId), v => v >= version, $"the Missions read model at version {version}");
}
