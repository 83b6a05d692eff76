using System.Diagnostics;
using MassTransit;

namespace Exchange.Messaging.Benchmark;

/// <summary>
/// When each event of a run was committed by the producer and first committed by the consumer,
/// as Stopwatch timestamps indexed by the event's number. As a receive observer it is told of each
/// message once its consumer returned, i.e. after the inbox transaction committed; with a batch
/// consumer, of each message of a batch after the batch's transaction committed.
/// </summary>
public sealed class LatencyRecorder(int events) : IReceiveObserver
{
    private readonly long[] _committed = new long[events];
    private readonly long[] _consumed = new long[events];
    private int _consumedCount;
    private int _deliveries;

    public int Events => events;

    public int Consumed => Volatile.Read(ref _consumedCount);

    /// <summary>Deliveries seen, copies included.</summary>
    public int Deliveries => Volatile.Read(ref _deliveries);

    public void Committed(int index) => _committed[index] = Stopwatch.GetTimestamp();

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class
    {
        if (context.Message is TallyRecorded recorded) MarkConsumed(recorded.Index);
        return Task.CompletedTask;
    }

    /// <summary>Event <paramref name="index"/> delivered and applied (again, for a copy).</summary>
    public void MarkConsumed(int index)
    {
        if (index < 0 || index >= events) return;
        Interlocked.Increment(ref _deliveries);
        if (Interlocked.CompareExchange(ref _consumed[index], Stopwatch.GetTimestamp(), 0) == 0) Interlocked.Increment(ref _consumedCount);
    }

    /// <summary>Returns once every event was consumed; fails when none was for a minute.</summary>
    public async Task WaitUntilConsumedAsync()
    {
        var last = -1;
        var lastProgress = Stopwatch.GetTimestamp();
        while (Consumed < events)
        {
            await Task.Delay(20);
            var now = Consumed;
            if (now != last)
            {
                last = now;
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"no event consumed for 60 s; {now} of {events} consumed");
            }
        }
    }

    /// <summary>
    /// The loads without a database: every event goes out through <paramref name="publish"/>,
    /// <paramref name="concurrency"/> awaiting their confirmations at a time, each marked committed
    /// as it goes; the figures, with the CPU per event, once every one was consumed.
    /// </summary>
    public async Task<RunFigures> PublishConcurrentlyAsync(int concurrency, Func<int, Task> publish)
    {
        var cpu = CpuMeter.Now;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            for (var index = Interlocked.Increment(ref next); index < events; index = Interlocked.Increment(ref next))
            {
                Committed(index);
                await publish(index);
            }
        }));
        await WaitUntilConsumedAsync();
        return Figures() with { Cpu = CpuMeter.Now.Since(cpu, events) };
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;

    public RunFigures Figures()
    {
        var firstCommit = _committed.Where(t => t != 0).DefaultIfEmpty().Min();
        var lastCommit = _committed.DefaultIfEmpty().Max();
        var lastConsumed = _consumed.DefaultIfEmpty().Max();
        var latencies = Enumerable.Range(0, events)
            .Where(i => _committed[i] != 0 && _consumed[i] != 0)
            .Select(i => Stopwatch.GetElapsedTime(_committed[i], _consumed[i]).TotalMilliseconds)
            .Order()
            .ToArray();
        return new RunFigures(
            events,
            Consumed,
            Deliveries - Consumed,
            Stopwatch.GetElapsedTime(firstCommit, lastCommit),
            Stopwatch.GetElapsedTime(firstCommit, lastConsumed),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99));
    }

    /// <summary>
    /// For a run whose events were all committed before the dispatcher started: the rate from the
    /// first consumer commit to the last, i.e. what the outbox, the broker and the inbox sustain.
    /// </summary>
    public RunFigures DrainFigures()
    {
        var firstConsumed = _consumed.Where(t => t != 0).DefaultIfEmpty().Min();
        var lastConsumed = _consumed.DefaultIfEmpty().Max();
        return new RunFigures(events, Consumed, Deliveries - Consumed, TimeSpan.Zero, Stopwatch.GetElapsedTime(firstConsumed, lastConsumed), double.NaN, double.NaN);
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
