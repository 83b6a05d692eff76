using System.Diagnostics;
using Exchange.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Messaging.Benchmark;

/// <summary>
/// One run on one database provider: writers commit state changes with their events through the
/// producer's outbox, as fast as they can or at a fixed pace; the consumer applies each event once
/// through its inbox. Ends when every event was consumed, or fails when progress stalls.
/// </summary>
public sealed class BenchmarkRun(BenchmarkOptions options, string provider)
{
    public async Task<RunFigures> RunAsync(int events, int? pacedRate)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var consumerName = $"bench-consumer-{id}";
        var recorder = new LatencyRecorder(events);
        await using var producerDb = await BenchmarkDatabase.CreateAsync(provider, options.Postgres, $"bench_producer_{id}");
        await using var consumerDb = await BenchmarkDatabase.CreateAsync(provider, options.Postgres, $"bench_consumer_{id}");
        try
        {
            await using var consumer = await TallyService.StartConsumerAsync(consumerName, Settings(consumerDb), recorder, options.ConsumerConcurrency);
            await using var producer = await TallyService.StartProducerAsync($"bench-producer-{id}", Settings(producerDb));
            await consumer.SeedAsync(options.Streams);
            await producer.SeedAsync(options.Streams);

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var writers = Enumerable.Range(0, options.Writers).Select(w => WriteAsync(producer, recorder, w, events, pacedRate, started)).ToArray();
            await Task.WhenAll(writers);
            await WaitForConsumerAsync(recorder);
            var figures = recorder.Figures() with { CpuMsPerEvent = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / events };
            var (total, inbox) = await consumer.ConsumerStateAsync();
            if (total != events || inbox != events)
                throw new InvalidOperationException($"the consumer's state is wrong: total {total} and {inbox} inbox rows for {events} events");
            return figures;
        }
        finally
        {
            await BrokerCleanup.DeleteEndpointAsync(options.RabbitMq, $"{consumerName}-tally-recorded");
        }
    }

    private Dictionary<string, string?> Settings(BenchmarkDatabase database)
    {
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["ConnectionStrings:RabbitMq"] = options.RabbitMq,
            ["Messaging:RetryIntervals"] = "50,200,1000",
        };
        foreach (var (key, value) in options.Settings) settings[key] = value;
        return settings;
    }

    /// <summary>Writer <paramref name="writer"/> owns the streams s with s % writers == writer.</summary>
    private async Task WriteAsync(TallyService producer, LatencyRecorder recorder, int writer, int events, int? pacedRate, long started)
    {
        await Task.Yield();
        for (var index = writer; index < events; index += options.Writers)
        {
            if (pacedRate is { } rate)
            {
                var due = TimeSpan.FromSeconds((double)index / rate) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero) await Task.Delay(due);
            }
            var stream = index % options.Streams;
            await using var scope = producer.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TallyDb>();
            var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
            var tally = await db.Tallies.FindAsync(stream) ?? throw new InvalidOperationException($"stream {stream} was not seeded");
            tally.Total++;
            await outbox.AddAsync(db, stream.ToString(System.Globalization.CultureInfo.InvariantCulture), new TallyRecorded(stream, index, tally.Total));
            await db.SaveChangesAsync();
            recorder.Committed(index);
        }
    }

    private static async Task WaitForConsumerAsync(LatencyRecorder recorder)
    {
        var last = -1;
        var lastProgress = Stopwatch.GetTimestamp();
        while (recorder.Consumed < recorder.Events)
        {
            await Task.Delay(20);
            var now = recorder.Consumed;
            if (now != last)
            {
                last = now;
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"no event consumed for 60 s; {now} of {recorder.Events} consumed");
            }
        }
    }
}
