using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Exchange.Reliability.Clients;
using Exchange.Reliability.Infrastructure;
using Exchange.Rpc;
using Xunit.Abstractions;

namespace Exchange.Reliability;

/// <summary>
/// The Claims service's PostgreSQL restarted (fast shutdown, seconds down, start) while coordinators
/// write exchange rates: calls fail with UNAVAILABLE and a clear message while it is down, every
/// write that was answered OK is in the database afterwards, and the service recovers by itself.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class DatabaseRestartTests(DedicatedServers servers, ITestOutputHelper output)
{
    private const int SecondsDown = 3;
    private static readonly string[] Currencies = ["EUR", "USD", "CNY", "GBP"];

    [Fact]
    public async Task Database_restarted_under_load_answers_unavailable_loses_no_accepted_write_and_recovers()
    {
        var clock = Stopwatch.StartNew();
        var database = servers.NewDatabase("claims");
        await using var service = ServiceProcess.Create("Exchange.Claims", "claims", servers.RabbitMq, database);
        await service.StartAsync();
        using var calls = new ClaimsCalls(service.RpcAddress);
        var outcomes = new ConcurrentQueue<Outcome>();
        var next = -1;
        var restartedAt = -1L;
        var restarting = false;
        var minimum = SuiteSize.Current.DatabaseWrites;

        async Task WriteAsync()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                var restarted = Interlocked.Read(ref restartedAt);
                // Writes go on until the database has been back for a few seconds.
                if (i >= minimum && restarted >= 0 && clock.Elapsed.Ticks > restarted + TimeSpan.TicksPerSecond * 5) return;
                if (i == minimum / 3 && !Volatile.Read(ref restarting))
                {
                    Volatile.Write(ref restarting, true);
                    _ = Task.Run(async () =>
                    {
                        await servers.RestartDatabaseAsync(SecondsDown);
                        Interlocked.Exchange(ref restartedAt, clock.Elapsed.Ticks);
                    });
                }
                var (currency, date, rate) = Write(i);
                try
                {
                    await calls.SetRate(currency, date, rate);
                    outcomes.Enqueue(new Outcome(i, null, "", clock.Elapsed));
                }
                catch (RpcException ex)
                {
                    outcomes.Enqueue(new Outcome(i, ex.StatusCode, ex.Status.Detail, clock.Elapsed));
                    await Task.Delay(20);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(WriteAsync)));
        await Progress.UntilTrueAsync(service.IsReadyAsync, TimeSpan.FromSeconds(30), "/readyz answering 200 again");

        var accepted = outcomes.Where(o => o.Code is null).ToList();
        var stored = (await Sql.QueryAsync(database, "select \"Currency\", \"EffectiveFrom\", \"RateToJpy\" from exchange_rates",
            r => (r.GetString(0), DateOnly.FromDateTime(r.GetDateTime(1)), r.GetDecimal(2)))).ToHashSet();
        var found = accepted.Count(o => stored.Contains(Stored(o.Index)));
        var unavailable = outcomes.Where(o => o.Code == StatusCode.Unavailable).ToList();
        var otherErrors = outcomes.Where(o => o.Code is { } code && code != StatusCode.Unavailable).ToList();
        var firstFailure = outcomes.Where(o => o.Code is not null).Select(o => o.At).DefaultIfEmpty().Min();
        var recovered = accepted.Where(o => o.At > firstFailure).Select(o => o.At).DefaultIfEmpty().Min();
        var messages = string.Join("; ", unavailable.Select(o => o.Message).Distinct().Take(2));
        var result = new ScenarioResult($"PostgreSQL restarted under load ({SecondsDown} s down), Claims writes", outcomes.Count, found, accepted.Count - found, 0, otherErrors.Count, clock.Elapsed,
            $"{accepted.Count:N0} OK, {unavailable.Count:N0} UNAVAILABLE (\"{messages}\"), {otherErrors.Count} other errors; OK again {(recovered - firstFailure).TotalSeconds:0.0} s after the first failure, without a restart");
        servers.Report.Add(result, output);
        foreach (var error in otherErrors.Take(5)) output.WriteLine($"unexpected: {error.Code} {error.Message}");

        Assert.NotEmpty(unavailable);
        Assert.Empty(otherErrors);
        Assert.All(unavailable, o => Assert.Contains("database", o.Message));
        Assert.Equal(accepted.Count, found);
        Assert.True(recovered > firstFailure, "no call succeeded after the database came back");
        Assert.Null((await OutcomeOfAsync(() => calls.SetRate("EUR", new DateOnly(1999, 1, 4), "160.5"))).Code);
    }

    private static (string Currency, DateOnly Date, string Rate) Write(int i) =>
        (Currencies[i % Currencies.Length], new DateOnly(2000, 1, 1).AddDays(i), (100m + i / 1000m).ToString("0.000", CultureInfo.InvariantCulture));

    private static (string, DateOnly, decimal) Stored(int i)
    {
        var (currency, date, rate) = Write(i);
        return (currency, date, decimal.Parse(rate, CultureInfo.InvariantCulture));
    }

    private static async Task<Outcome> OutcomeOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return new Outcome(-1, null, "", TimeSpan.Zero);
        }
        catch (RpcException ex)
        {
            return new Outcome(-1, ex.StatusCode, ex.Status.Detail, TimeSpan.Zero);
        }
    }

    private sealed record Outcome(int Index, StatusCode? Code, string Message, TimeSpan At);
}
