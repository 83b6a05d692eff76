using Exchange.Common.V1;
using Exchange.Contracts.Missions;
using Exchange.Contracts.Projects;
using Exchange.Messaging;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Tests.Infrastructure;
using Exchange.Projects.V1;
using Exchange.Rpc;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static Exchange.Projects.V1.ProjectStatus;

namespace Exchange.Projects.Tests;

/// <summary>
/// Retries and redeliveries have no second effect: a registration or an achievement is stored
/// and published once, whether it comes again through the API or through the broker; and a
/// change based on a stale version is refused instead of overwriting someone else's.
/// </summary>
[Collection(ProjectsCollection.Name)]
public sealed class IdempotencyTests(ProjectsFixture fixture)
{
    private static readonly Caller Coordinator = Caller.Coordinator;
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;

    // Long enough for a duplicate to travel outbox -> broker -> observer on a busy machine.
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Registering_again_with_the_same_request_id_returns_the_same_project(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var request = Samples.HamamatsuJena();
        var outbox = await host.OutboxCount();

        var first = await client.Register(request, Hamamatsu);
        var retried = request.Clone();
        retried.Title = "Hamamatsu - Jena (resent)";
        var second = await client.Register(retried, Hamamatsu);
        Assert.Equal(first, second);
        Assert.Equal(outbox + 1, await host.OutboxCount());

        // Request ids belong to the organisation that registers: Suwa's "same" id is another registration.
        var suwas = Samples.HamamatsuJena(requestId: request.RequestId);
        suwas.DomesticBody = new Organisation { Id = TieUps.Suwa, Name = "Suwa City", Country = "JP" };
        Assert.NotEqual(first.Id, (await client.Register(suwas, TieUps.SuwaBody)).Id);

        // The project's events arrive in order: once the withdrawal is seen, a second registration would have been too.
        await client.Withdraw(first.Id, Hamamatsu);
        var events = await fixture.Events.WaitFor(first.Id, e => e.OfType<ProjectWithdrawn>().Any());
        Assert.Single(events.OfType<ProjectRegistered>());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Concurrent_registrations_with_one_request_id_make_one_project(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var request = Samples.HamamatsuJena();
        var outbox = await host.OutboxCount();

        var projects = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.Register(request, Hamamatsu)));

        Assert.Single(projects.Select(p => p.Id).Distinct());
        Assert.Equal(outbox + 1, await host.OutboxCount());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Recording_an_achievement_again_with_the_same_id_records_it_once(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await ProjectStages.Reach(client, Active);
        var achievement = new RecordAchievementRequest
        {
            ProjectId = project.Id, AchievementId = "jv-lens-coating", Kind = AchievementKind.JointVenture,
            Date = new Date { Year = 2008, Month = 1, Day = 21 }, Description = "Joint venture for lens coating",
        };

        var first = await client.RecordAchievement(achievement, Hamamatsu);
        var outbox = await host.OutboxCount();
        var resent = achievement.Clone();
        resent.Description = "Joint venture (resent by the partner)";
        var second = await client.RecordAchievement(resent, TieUps.JenaPartner);

        Assert.Equal(first, second);
        Assert.Equal(project.Version + 1, second.Version);
        Assert.Equal("Joint venture for lens coating", Assert.Single(second.Achievements).Description);
        Assert.Equal(outbox, await host.OutboxCount());

        await client.Complete(project.Id, Hamamatsu);
        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<ProjectCompleted>().Any());
        Assert.Single(events.OfType<AchievementRecorded>());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_activity_outcome_delivered_twice_becomes_one_achievement(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await ProjectStages.Reach(client, Active);
        var outcome = Outcome(Guid.Parse(project.Id), "mission-2008-jena-mou");
        var messageId = Guid.NewGuid();

        // The same message twice, as a broker redelivers it or a publisher retries it.
        await fixture.Events.Bus.Publish(outcome, ctx => ctx.MessageId = messageId);
        await fixture.Events.Bus.Publish(outcome, ctx => ctx.MessageId = messageId);
        await fixture.Events.WaitFor(project.Id, e => e.OfType<AchievementRecorded>().Any());
        // The inbox knows the message id, whatever the message says: this copy is not even read.
        await fixture.Events.Bus.Publish(outcome with { AchievementId = "mission-2008-jena-mou-copy" }, ctx => ctx.MessageId = messageId);
        await Task.Delay(QuietPeriod);

        var recorded = await client.Get(project.Id, Coordinator);
        Assert.Equal("mission-2008-jena-mou", Assert.Single(recorded.Achievements).Id);
        Assert.Equal(project.Version + 1, recorded.Version);
        Assert.Single(fixture.Events.For(project.Id).OfType<AchievementRecorded>());

        // Another message for the same achievement (the mission reported it twice): handled, no effect.
        var otherMessageId = Guid.NewGuid();
        var outbox = await host.OutboxCount();
        await fixture.Events.Bus.Publish(outcome with { Description = "MoU signed (reported again)" }, ctx => ctx.MessageId = otherMessageId);
        await WaitUntilHandled(host, otherMessageId);

        var after = await client.Get(project.Id, Coordinator);
        Assert.Equal(recorded, after);
        Assert.Equal(outbox, await host.OutboxCount());
        await Task.Delay(QuietPeriod);
        Assert.Single(fixture.Events.For(project.Id).OfType<AchievementRecorded>());
    }

    /// <summary>An outcome the project cannot take, and what is wrong with it.</summary>
    public sealed record Unacceptable(string Name, Func<V1.Project, ActivityOutcomeReported> Outcome, string Reason)
    {
        public override string ToString() => Name;
    }

    public static readonly Unacceptable[] UnacceptableOutcomes =
    [
        new("for an unknown project", _ => Outcome(Guid.NewGuid(), "mou-unknown"), "not found"),
        new("of an unknown kind", p => Outcome(Guid.Parse(p.Id), "award-1") with { Kind = "Award" }, "is not an achievement kind"),
        new("dated before support", p => Outcome(Guid.Parse(p.Id), "mou-early") with { AchievedOn = new DateTime(2006, 5, 1, 0, 0, 0, DateTimeKind.Utc) }, "achievement-date"),
    ];

    public static TheoryData<DatabaseProvider, string> ProviderAndUnacceptable()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var outcome in UnacceptableOutcomes) data.Add(provider, outcome.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProviderAndUnacceptable))]
    public async Task An_outcome_the_project_cannot_take_goes_to_the_error_queue_without_retries(DatabaseProvider provider, string name)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var unacceptable = UnacceptableOutcomes.Single(u => u.Name == name);
        var project = await ProjectStages.Reach(client, Active);
        var outbox = await host.OutboxCount();
        var messageId = Guid.NewGuid();

        await fixture.Events.Bus.Publish(unacceptable.Outcome(project), ctx => ctx.MessageId = messageId);

        // MassTransit's receive endpoint for ActivityOutcomeConsumer, named by the kebab-case formatter with the host's prefix.
        var fault = await Broker.TakeMessage($"{host.QueuePrefix}-activity-outcome_error", messageId, TimeSpan.FromSeconds(20));
        Assert.Equal(typeof(MessageRejectedException).FullName, fault["MT-Fault-ExceptionType"]);
        Assert.Contains(unacceptable.Reason, fault["MT-Fault-Message"]);
        Assert.Equal("0", fault.GetValueOrDefault("MT-Fault-RetryCount", "0"));

        Assert.Equal(project, await client.Get(project.Id, Coordinator));
        Assert.Equal(outbox, await host.OutboxCount());
        Assert.False(await host.InDatabase(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_change_based_on_a_stale_version_is_refused(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await client.Register(Samples.HamamatsuJena(), Hamamatsu);
        Assert.Equal(1, project.Version);

        foreach (var stale in new long[] { 2, -1 })
        {
            var refusal = await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.Aborted, "version-conflict:",
                () => client.Call<AdoptProjectRequest, V1.Project>("AdoptProject",
                    new AdoptProjectRequest { ProjectId = project.Id, FiscalYear = 2007, ExpectedVersion = stale }, Coordinator));
            Assert.Contains("version 1", refusal.Status.Detail);
        }

        var adopted = await client.Call<AdoptProjectRequest, V1.Project>("AdoptProject",
            new AdoptProjectRequest { ProjectId = project.Id, FiscalYear = 2007, ExpectedVersion = 1 }, Coordinator);
        Assert.Equal(2, adopted.Version);

        // The body, still holding version 1, withdraws: refused, the adoption stands.
        await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.Aborted, "version-conflict:",
            () => client.Call<WithdrawProjectRequest, V1.Project>("WithdrawProject",
                new WithdrawProjectRequest { ProjectId = project.Id, Reason = "no partner", ExpectedVersion = 1 }, Hamamatsu));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Of_concurrent_changes_from_one_version_exactly_one_wins(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await client.Register(Samples.HamamatsuJena(), Hamamatsu);
        var outbox = await host.OutboxCount();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                await client.Call<AdoptProjectRequest, V1.Project>("AdoptProject",
                    new AdoptProjectRequest { ProjectId = project.Id, FiscalYear = 2007, ExpectedVersion = project.Version }, Coordinator);
                return "OK";
            }
            catch (RpcException ex)
            {
                return $"{ex.StatusCode} {ex.Status.Detail.Split(':')[0]}";
            }
        }));

        Assert.Single(attempts, a => a == "OK");
        Assert.All(attempts.Where(a => a != "OK"), a => Assert.Equal("Aborted version-conflict", a));
        var adopted = await client.Get(project.Id, Coordinator);
        Assert.Equal((Adopted, 2L), (adopted.Status, adopted.Version));
        Assert.Equal(outbox + 2, await host.OutboxCount()); // ProjectAdopted and the state snapshot, once
    }

    /// <summary>
    /// Many outcomes of one project arrive together (Projects was down while Missions reported
    /// them): handled side by side they would all change the same project row and the same event
    /// stream, and conflicts beyond the retries would send some to the error queue. Each becomes an
    /// achievement.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Twenty_outcomes_of_one_project_arriving_together_all_become_achievements(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        var project = await ProjectStages.Reach(client, Active);
        var ids = Enumerable.Range(0, 20).Select(i => $"export-order-{i}").ToList();

        await Task.WhenAll(ids.Select(id => fixture.Events.Bus.Publish(Outcome(Guid.Parse(project.Id), id))));

        var recorded = await Eventually.Poll(() => client.Get(project.Id, Coordinator), p => p.Achievements.Count == ids.Count);
        Assert.Equal(ids.Order(), recorded.Achievements.Select(a => a.Id).Order());
        Assert.Equal(project.Version + ids.Count, recorded.Version);
    }

    private static ActivityOutcomeReported Outcome(Guid projectId, string achievementId) => new(
        projectId, achievementId, "AgreementOrMou", new DateTime(2008, 2, 20, 0, 0, 0, DateTimeKind.Utc),
        "MoU between the Hamamatsu optics cluster and OptoNet Jena", "mission-2008-jena", TieUps.Hamamatsu, DateTimeOffset.UtcNow);

    private static async Task WaitUntilHandled(ProjectsHost host, Guid messageId)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await host.InDatabase(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId))) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"message {messageId} was not handled within 20 s");
    }
}
