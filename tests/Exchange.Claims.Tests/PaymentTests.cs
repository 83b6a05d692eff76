using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Contracts.Claims;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using Exchange.Rpc;
using Microsoft.EntityFrameworkCore;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

/// <summary>A claim is paid once, whatever is retried, raced or redelivered.</summary>
[Collection(ClaimsCollection.Name)]
public sealed class PaymentTests(ClaimsFixture fixture)
{
    private static readonly DateOnly Start = new(2007, 6, 11);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Retried_and_concurrent_payment_calls_pay_once(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var (project, claimId) = await ApprovedClaim(deployment);
        var paymentId = $"pay-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => deployment.Client.Pay(claimId, paymentId, Caller.Coordinator)));
        var retried = await deployment.Client.Pay(claimId, paymentId, Caller.Coordinator);
        Assert.All(answers.Append(retried), a => Assert.Equal((ClaimStatus.Paid, paymentId, "330000"), (a.Status, a.Payment.PaymentId, a.Payment.Amount.Amount)));
        Assert.Equal(1, await Payments(deployment, claimId));

        await deployment.Claims.Refused(project, StatusCode.FailedPrecondition, "claim-paid-once", () => deployment.Client.Pay(claimId, "another-payment", Caller.Coordinator));
        await PaidEventsSettleAtOne(project, claimId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Duplicated_payment_messages_pay_once(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var (project, claimId) = await ApprovedClaim(deployment);
        var paymentId = $"acct-{Guid.NewGuid():N}";
        var request = new ClaimPaymentRequested(Guid.Parse(claimId), paymentId, new DateTime(2007, 12, 20, 0, 0, 0, DateTimeKind.Utc), "batch 2007-12", "accounting", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        // The same message redelivered, and the same request sent again as a new message, all at once.
        await Task.WhenAll(
            deployment.Publish(request, messageId),
            deployment.Publish(request, messageId),
            deployment.Publish(request, Guid.NewGuid()),
            deployment.Publish(request with { OccurredAt = DateTimeOffset.UtcNow }, Guid.NewGuid()));

        var paid = await Eventually.Poll(() => deployment.Client.Get(claimId, Caller.Coordinator), c => c.Status == ClaimStatus.Paid);
        Assert.Equal((paymentId, "message", "330000", "batch 2007-12"), (paid.Payment.PaymentId, paid.Payment.Source, paid.Payment.Amount.Amount, paid.Payment.Reference));
        await PaidEventsSettleAtOne(project, claimId);
        Assert.Equal(1, await Payments(deployment, claimId));
        Assert.Equal(paid.Version, (await deployment.Client.Get(claimId, Caller.Coordinator)).Version);

        // The payment call with the same id answers the payment made; another id is refused.
        Assert.Equal(paymentId, (await deployment.Client.Pay(claimId, paymentId, Caller.Coordinator)).Payment.PaymentId);
        await deployment.Claims.Refused(project, StatusCode.FailedPrecondition, "claim-paid-once", () => deployment.Client.Pay(claimId, "rpc-payment", Caller.Coordinator));
    }

    /// <summary>A claim of 330,000 JPY, approved in full.</summary>
    private static async Task<(string Project, string Claim)> ApprovedClaim(Deployment deployment)
    {
        var project = await deployment.FundedProject();
        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 5, AnnaWeber));
        await deployment.Client.Save(draft.Id, HamamatsuBody, Line("travel", "travel", "250000", "JPY", Start, AnnaWeber), Line("stay", "stay", "80000", "JPY", Start, AnnaWeber));
        await deployment.Client.Submit(draft.Id, "s1", HamamatsuBody);
        await deployment.Client.StartReview(draft.Id, Caller.Coordinator);
        await deployment.Client.Approve(draft.Id, Caller.Coordinator);
        return (project.Id, draft.Id);
    }

    private static Task<int> Payments(Deployment deployment, string claimId)
    {
        var id = Guid.Parse(claimId);
        return deployment.Claims.InDatabase(db => db.Payments.CountAsync(p => p.ClaimId == id));
    }

    /// <summary>One ClaimPaid arrives, and a second does not follow within a while.</summary>
    private async Task PaidEventsSettleAtOne(string projectId, string claimId)
    {
        await fixture.WaitForClaimEvents(projectId, claimId, e => e.OfType<ClaimPaid>().Any());
        await Task.Delay(1000);
        Assert.Single(fixture.EventsOfClaim(projectId, claimId).OfType<ClaimPaid>());
    }
}
