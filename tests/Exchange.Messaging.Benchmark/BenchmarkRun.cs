using System.Diagnostics;
using Exchange.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Messaging.Benchmark;

/// <summary>
/// One run on one database provider: writers commit state changes with their events through the
/// producer's outbox, as fast as they can or at a fixed pace; the consumer applies each event once
/// through its inbox. Ends when every event was consumed, or fails when progress stalls.
/// </summary>
public sealed class BenchmarkRun(BenchmarkOptions options, string provider)
{
    /// <summary>
    /// <paramref name="backlog"/>: every event is committed before the producer (and its dispatcher)
    /// starts, so the figure is what dispatch, broker and consumer sustain; otherwise writers and
    /// dispatch run together, at <paramref name="pacedRate"/> events/s or as fast as the writers go.
    /// </summary>
    public async Task<RunFigures> RunAsync(int events, int? pacedRate, bool backlog = false)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var consumerName = $"bench-consumer-{id}";
        var recorder = new LatencyRecorder(events);
        await using var producerDb = await BenchmarkDatabase.CreateAsync(provider, options.Postgres, $"bench_producer_{id}");
        await using var consumerDb = await BenchmarkDatabase.CreateAsync(provider, options.Postgres, $"bench_consumer_{id}");
        try
        {
            return await RunAsync(events, pacedRate, backlog, id, consumerName, recorder, producerDb, consumerDb);
        }
        finally
        {
            await BrokerCleanup.DeleteEndpointsAsync(options.RabbitMq, consumerName);
        }
    }

    /// <summary>Messages the baseline's consumer takes at a time.</summary>
    public const int BaselineConsumerConcurrency = 64;

    /// <summary>
    /// The baseline: MassTransit alone on this machine, as the published figures measure it. Messages
    /// published concurrently (<see cref="BenchmarkOptions.PublishConcurrency"/> awaiting their
    /// confirmations at a time), durable queue, persistent messages, a consumer that does nothing
    /// (<see cref="BaselineConsumerConcurrency"/> messages at a time); no database, no outbox, no
    /// inbox. Latency from publish to consumed.
    /// </summary>
    public async Task<RunFigures> BrokerOnlyAsync(int events)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var consumerName = $"bench-consumer-{id}";
        var recorder = new LatencyRecorder(events);
        try
        {
            var settings = Settings(new Dictionary<string, string?>());
            await using var consumer = await TallyService.StartBrokerOnlyAsync(consumerName, settings, recorder, BaselineConsumerConcurrency);
            var bus = consumer.Services.GetRequiredService<IBus>();
            return await recorder.PublishConcurrentlyAsync(options.PublishConcurrency,
                index => bus.Publish(new TallyRecorded(index % options.Streams, index, 0), context => context.Durable = true));
        }
        finally
        {
            await BrokerCleanup.DeleteEndpointsAsync(options.RabbitMq, consumerName);
        }
    }

    /// <summary>
    /// The dispatcher alone: the outbox filled first, the consumer's queue declared but nobody
    /// consuming; events per second from the first dispatched round until the outbox is empty.
    /// </summary>
    public async Task<RunFigures> DispatchOnlyAsync(int events)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var consumerName = $"bench-consumer-{id}";
        var recorder = new LatencyRecorder(events);
        await using var producerDb = await BenchmarkDatabase.CreateAsync(provider, options.Postgres, $"bench_producer_{id}");
        await using var consumerDb = await BenchmarkDatabase.CreateAsync(provider, options.Postgres, $"bench_consumer_{id}");
        try
        {
            await using (await TallyService.StartConsumerAsync(consumerName, Settings(consumerDb), recorder, options.ConsumerConcurrency, options.ConsumerBatch))
            {
                // Started once so that its durable queue exists and keeps what is published.
            }
            await using (var writer = await TallyService.StartWriterAsync(Settings(producerDb)))
            {
                await writer.SeedAsync(options.Streams);
                var writeCpu = CpuMeter.Now;
                var writeStart = Stopwatch.GetTimestamp();
                await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(w => WriteAsync(writer, recorder, w, events, null, writeStart)));
                var writeTime = Stopwatch.GetElapsedTime(writeStart);
                var writeUse = CpuMeter.Now.Since(writeCpu, events);
                Console.WriteLine($"  writers alone: {events / writeTime.TotalSeconds:N0} events/s, CPU ms/event {writeUse.Service:0.00} in this process and {writeUse.Database:0.00} in PostgreSQL, machine {writeUse.MachineBusy:P0} busy");
            }
            var cpu = CpuMeter.Now;
            await using var producer = await TallyService.StartProducerAsync($"bench-producer-{id}", Settings(producerDb));
            long? firstAt = null;
            var firstRemaining = events;
            while (true)
            {
                var remaining = await producer.UndispatchedAsync();
                if (firstAt is null && remaining < events)
                {
                    firstAt = Stopwatch.GetTimestamp();
                    firstRemaining = remaining;
                }
                if (remaining == 0) break;
                await Task.Delay(10);
            }
            var elapsed = Stopwatch.GetElapsedTime(firstAt ?? Stopwatch.GetTimestamp());
            return new RunFigures(events, firstRemaining, 0, TimeSpan.Zero, elapsed, double.NaN, double.NaN)
            {
                Cpu = CpuMeter.Now.Since(cpu, events),
            };
        }
        finally
        {
            await BrokerCleanup.DeleteEndpointsAsync(options.RabbitMq, consumerName);
        }
    }

    private async Task<RunFigures> RunAsync(int events, int? pacedRate, bool backlog, string id, string consumerName, LatencyRecorder recorder, BenchmarkDatabase producerDb, BenchmarkDatabase consumerDb)
    {
        {
            await using var consumer = await TallyService.StartConsumerAsync(consumerName, Settings(consumerDb), recorder, options.ConsumerConcurrency, options.ConsumerBatch);
            await consumer.SeedAsync(options.Streams);
            if (backlog)
            {
                await using (var writer = await TallyService.StartWriterAsync(Settings(producerDb)))
                {
                    await writer.SeedAsync(options.Streams);
                    var start = Stopwatch.GetTimestamp();
                    await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(w => WriteAsync(writer, recorder, w, events, null, start)));
                }
                var drainCpu = CpuMeter.Now;
                await using var dispatching = await TallyService.StartProducerAsync($"bench-producer-{id}", Settings(producerDb));
                await recorder.WaitUntilConsumedAsync();
                var drained = recorder.DrainFigures() with { Cpu = CpuMeter.Now.Since(drainCpu, events) };
                await CheckConsumerAsync(consumer, events);
                return drained;
            }
            await using var producer = await TallyService.StartProducerAsync($"bench-producer-{id}", Settings(producerDb));
            await producer.SeedAsync(options.Streams);

            var cpuBefore = CpuMeter.Now;
            var started = Stopwatch.GetTimestamp();
            var writers = Enumerable.Range(0, options.Writers).Select(w => WriteAsync(producer, recorder, w, events, pacedRate, started)).ToArray();
            await Task.WhenAll(writers);
            await recorder.WaitUntilConsumedAsync();
            var figures = recorder.Figures() with { Cpu = CpuMeter.Now.Since(cpuBefore, events) };
            await CheckConsumerAsync(consumer, events);
            return figures;
        }
    }

    /// <summary>Every event applied once: the consumer's tallies add up to the events, one inbox row each.</summary>
    private static async Task CheckConsumerAsync(TallyService consumer, int events)
    {
        var (total, inbox) = await consumer.ConsumerStateAsync();
        BenchmarkOptions.CheckConsumerState(total, inbox, events);
    }

    private Dictionary<string, string?> Settings(BenchmarkDatabase database) => Settings(database.Settings);

    private Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> database)
    {
        var settings = new Dictionary<string, string?>(database)
        {
            ["ConnectionStrings:RabbitMq"] = options.RabbitMq,
            ["Messaging:RetryIntervals"] = "50,200,1000",
        };
        foreach (var (key, value) in options.Settings) settings[key] = value;
        return settings;
    }

    /// <summary>
    /// Writer <paramref name="writer"/>'s transactions (<see cref="BenchmarkOptions.TransactionsOf"/>):
    /// each changes the tallies of its events' streams and adds their events.
    /// </summary>
    private async Task WriteAsync(TallyService producer, LatencyRecorder recorder, int writer, int events, int? pacedRate, long started)
    {
        await Task.Yield();
        foreach (var indexes in options.TransactionsOf(writer, events))
        {
            if (pacedRate is { } rate)
            {
                var due = TimeSpan.FromSeconds((double)indexes[^1] / rate) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero) await Task.Delay(due);
            }
            await using var scope = producer.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TallyDb>();
            var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
            var streams = indexes.Select(index => index % options.Streams).ToList();
            var tallies = await db.Tallies.Where(t => streams.Contains(t.Stream)).ToDictionaryAsync(t => t.Stream);
            var recorded = new List<(string, TallyRecorded)>(indexes.Length);
            foreach (var index in indexes)
            {
                var stream = index % options.Streams;
                var tally = tallies.GetValueOrDefault(stream) ?? throw new InvalidOperationException($"stream {stream} was not seeded");
                tally.Total++;
                recorded.Add((stream.ToString(System.Globalization.CultureInfo.InvariantCulture), new TallyRecorded(stream, index, tally.Total)));
            }
            await outbox.AddRangeAsync(db, recorded);
            await db.SaveChangesAsync();
            foreach (var index in indexes) recorder.Committed(index);
        }
    }
}
