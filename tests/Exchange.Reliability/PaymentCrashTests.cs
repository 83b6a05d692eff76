using System.Diagnostics;
using Exchange.Contracts.Claims;
using Exchange.Reliability.Clients;
using Exchange.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace Exchange.Reliability;

/// <summary>
/// The Claims service, as a process, dies at each commit point of payment handling
/// (<c>Faults:KillAt</c>) while payment requests are being consumed, and is started again without
/// the fault: every claim ends with exactly one payment and one ClaimPaid event, whatever was
/// redelivered or published twice.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PaymentCrashTests(DedicatedServers servers, ITestOutputHelper output)
{
    [Theory]
    [InlineData("payment-before-commit")]
    [InlineData("payment-after-commit")]
    [InlineData("payment-after-dispatch")]
    public async Task Claims_killed_at_a_commit_point_pays_each_claim_exactly_once_after_restart(string killAt)
    {
        var clock = Stopwatch.StartNew();
        var database = servers.NewDatabase("claims");
        await using var events = await TestBus.StartAsync(servers.RabbitMq, o => o.Observe<ClaimPaid>());
        await using var service = ServiceProcess.Create("Exchange.Claims", "claims", servers.RabbitMq, database);
        await service.StartAsync(new Dictionary<string, string?> { ["Faults:KillAt"] = killAt });
        using var calls = new ClaimsCalls(service.RpcAddress);
        var scene = new ClaimsScene(calls, events);
        await scene.PrepareAsync();
        var claims = new List<Guid>();
        for (var i = 0; i < SuiteSize.Current.ClaimsPerCrash; i++) claims.Add(Guid.Parse(await scene.ApprovedClaimAsync()));

        // The programme's accounting asks for every payment at once; the first one to reach the point kills the process.
        await Task.WhenAll(claims.Select(id => events.Bus.Publish(new ClaimPaymentRequested(id, $"acct-{id:N}", new DateTime(2007, 12, 20, 0, 0, 0, DateTimeKind.Utc), "batch 2007-12", "accounting", DateTimeOffset.UtcNow))));
        var exitCode = await service.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.Contains($"Faults:KillAt={killAt}", service.Log());
        var paidAtCrash = await PaymentsAsync(database, claims);

        await service.StartAsync();
        await Progress.UntilAsync(async () => (await PaymentsAsync(database, claims)).Select(p => p.ClaimId).Distinct().Count(), claims.Count, TimeSpan.FromSeconds(60), "claims paid");
        // Every ClaimPaid is out (and its copies, if any) once the outbox holds nothing undispatched.
        await Progress.PollAsync(() => Sql.CountAsync(database, "select count(*) from outbox_messages where dispatched_at is null"), n => n == 0, "the outbox drained");
        await Progress.PollAsync(() => Task.FromResult(events.Seen<ClaimPaid>().Where(e => claims.Contains(e.Message.ClaimId)).Select(e => e.Message.ClaimId).Distinct().Count()),
            n => n == claims.Count, "a ClaimPaid of every claim");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var payments = await PaymentsAsync(database, claims);
        var paidAudits = await Sql.CountAsync(database, "select count(*) from audit_trail where \"Action\" = 'paid' and \"SubjectId\" = any(@claims)", ("claims", claims.Select(c => c.ToString()).ToArray()));
        var paidEvents = events.Seen<ClaimPaid>().Where(e => claims.Contains(e.Message.ClaimId)).ToList();
        var paidClaims = payments.Select(p => p.ClaimId).Distinct().Count();
        var eventsPerClaim = paidEvents.GroupBy(e => e.Message.ClaimId).Select(g => g.Select(e => e.MessageId).Distinct().Count()).ToList();
        var result = new ScenarioResult($"Claims killed at {killAt}, restarted", claims.Count, paidClaims, claims.Count - paidClaims,
            paidEvents.Count - paidEvents.Select(e => e.MessageId).Distinct().Count(),
            (payments.Count - paidClaims) + eventsPerClaim.Sum(n => n - 1) + (paidAudits - paidClaims), clock.Elapsed,
            $"exit code {exitCode}; {paidAtCrash.Count} of {claims.Count} payments committed at the crash; {payments.Count} payment rows, {paidAudits} paid audit entries, {paidEvents.Select(e => e.MessageId).Distinct().Count()} ClaimPaid events after restart");
        servers.Report.Add(result, output);

        Assert.All(claims, id => Assert.Single(payments, p => p.ClaimId == id));
        Assert.All(payments, p => Assert.Equal(330_000, p.AmountJpy));
        Assert.Equal(Enumerable.Repeat(1, claims.Count), eventsPerClaim);
        Assert.Equal(claims.Count, paidAudits);
        Assert.Equal((0L, 0L), (result.Lost, result.Unexpected));
    }

    private static Task<List<(Guid ClaimId, long AmountJpy)>> PaymentsAsync(string database, List<Guid> claims) =>
        Sql.QueryAsync(database, "select \"ClaimId\", \"AmountJpy\" from claim_payments where \"ClaimId\" = any(@claims)", r => (r.GetGuid(0), r.GetInt64(1)), ("claims", claims.ToArray()));
}
