using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Contracts.Projects;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using Exchange.Rpc;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

/// <summary>A completed project's claims are accepted during its closing period and none after.</summary>
[Collection(ClaimsCollection.Name)]
public sealed class ClosingPeriodTests(ClaimsFixture fixture)
{
    private static readonly DateOnly Start = new(2007, 8, 6);

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_completed_project_still_claims_within_its_closing_period(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();
        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 3, AnnaWeber));
        await client.Save(draft.Id, HamamatsuBody, Line("travel", "travel", "100000", "JPY", Start, AnnaWeber));

        var completedAt = DateTimeOffset.UtcNow;
        await deployment.Projects.Complete(project.Id);
        var closing = await Eventually.Poll(() => client.Get(draft.Id, HamamatsuBody), c => c.ClosingDeadline is not null);
        var deadline = closing.ClosingDeadline.ToDateTimeOffset();
        Assert.InRange(deadline, completedAt.AddDays(60).AddMinutes(-1), completedAt.AddDays(60).AddMinutes(1));
        Assert.Equal(ClaimStatus.Submitted, (await client.Submit(draft.Id, "s1", HamamatsuBody)).Status);
    }

    [Fact]
    public async Task After_the_closing_period_no_claim_is_accepted()
    {
        await using var claims = await ClaimsHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Claims:ClosingPeriodDays"] = "0" });
        var client = claims.Client;
        await client.RulebookFromTemplate(2007, Caller.Coordinator);
        var projectId = Guid.NewGuid();
        var bus = fixture.Events.Bus;
        await bus.Publish(new ProjectCompleted(projectId, 2007, DateTimeOffset.UtcNow));
        var activity = Completed(projectId.ToString(), SupportTool.OverseasMission, Start, 3, AnnaWeber);
        await bus.Publish(activity);
        var draft = (await Eventually.Poll(
            () => client.List(new ListClaimsRequest { ActivityId = activity.ActivityId.ToString() }, Caller.Coordinator),
            r => r.Claims.Count == 1 && r.Claims[0].ClosingDeadline is not null)).Claims[0];

        var saved = await client.Save(draft.Id, Caller.Coordinator, Line("travel", "travel", "100000", "JPY", Start, AnnaWeber));
        Assert.Equal("closing-period", saved.Violations[0].Rule);
        Assert.Contains("no claim is accepted after it", saved.Violations[0].Message, StringComparison.Ordinal);
        await claims.Refused(projectId.ToString(), StatusCode.FailedPrecondition, "closing-period", () => client.Submit(draft.Id, "s1", Caller.Coordinator));
    }
}
