using System.Globalization;

namespace Exchange.Messaging.Benchmark;

/// <summary>Command line: <c>[--events N] [--provider sqlite|postgresql|both] [--streams S] [--writers W] [--paced-rate R] [--paced-events N] [--events-per-transaction K] [--consumer-batch N] [--consumer-concurrency C] [--dispatcher-only] [--warmup N] [--publish-concurrency P] [--load rabbitmq|database|broker|dispatcher|backlog|unpaced|paced]... [--set Key=Value]...</c>.</summary>
public sealed record BenchmarkOptions(
    int Events,
    IReadOnlyList<string> Providers,
    int Streams,
    int Writers,
    int PacedRate,
    int PacedEvents,
    int ConsumerConcurrency,
    string RabbitMq,
    string? Postgres,
    IReadOnlyDictionary<string, string?> Settings,
    bool DispatcherOnly = false,
    IReadOnlySet<string>? Loads = null,
    int EventsPerTransaction = 1,
    int ConsumerBatch = 0,
    int PublishConcurrency = 64,
    int Warmup = 10_000)
{
    /// <summary>The loads this run measures: all of them unless <c>--load</c> names some.</summary>
    public bool Measures(string load) => Loads is null || Loads.Contains(load);

    public const double TargetEventsPerSecond = 5_000;

    /// <summary>
    /// Writer <paramref name="writer"/>'s transactions of a run of <paramref name="events"/>: the
    /// writer owns the events i with i % writers == writer, and each transaction takes
    /// <see cref="EventsPerTransaction"/> consecutive ones of them (distinct streams).
    /// </summary>
    public IEnumerable<int[]> TransactionsOf(int writer, int events)
    {
        for (var first = writer; first < events; first += Writers * EventsPerTransaction)
        {
            var indexes = new List<int>(EventsPerTransaction);
            for (var index = first; index < events && indexes.Count < EventsPerTransaction; index += Writers) indexes.Add(index);
            yield return [.. indexes];
        }
    }

    /// <summary>Every event applied once: the consumer's tallies add up to the events, one inbox row each.</summary>
    public static void CheckConsumerState(long total, long inbox, int events)
    {
        if (total != events || inbox != events)
            throw new InvalidOperationException($"the consumer's state is wrong: total {total} and {inbox} inbox rows for {events} events");
    }

    public static BenchmarkOptions Parse(string[] args)
    {
        var events = 20_000;
        var providers = new List<string> { "sqlite", "postgresql" };
        var streams = 400;
        var writers = 4;
        var pacedRate = 1_000;
        var pacedEvents = 5_000;
        int? consumerConcurrency = null;
        var rabbitMq = Environment.GetEnvironmentVariable("EXCHANGE_BENCH_RABBITMQ") ?? "";
        var postgres = Environment.GetEnvironmentVariable("EXCHANGE_BENCH_POSTGRES");
        var settings = new Dictionary<string, string?>();
        var dispatcherOnly = false;
        HashSet<string>? loads = null;
        var eventsPerTransaction = 1;
        var consumerBatch = 0;
        var publishConcurrency = 64;
        // Long enough for the JIT to finish its tiers (about half of the CPU of a 2,000-event warm-up
        // run went to the JIT still), so that the loads measure the steady state a service runs in.
        var warmup = 10_000;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--events": events = Number(); break;
                case "--provider":
                    var provider = Next().ToLowerInvariant();
                    providers = provider == "both" ? ["sqlite", "postgresql"] : [provider];
                    break;
                case "--streams": streams = Number(); break;
                case "--writers": writers = Number(); break;
                case "--paced-rate": pacedRate = Number(); break;
                case "--paced-events": pacedEvents = Number(); break;
                case "--consumer-concurrency": consumerConcurrency = Number(); break;
                case "--events-per-transaction": eventsPerTransaction = Number(); break;
                case "--consumer-batch": consumerBatch = Number(); break;
                case "--publish-concurrency": publishConcurrency = Number(); break;
                case "--warmup": warmup = Number(); break;
                case "--rabbitmq": rabbitMq = Next(); break;
                case "--postgres": postgres = Next(); break;
                case "--dispatcher-only": dispatcherOnly = true; break;
                case "--load":
                    var load = Next().ToLowerInvariant();
                    if (load is not ("rabbitmq" or "database" or "broker" or "dispatcher" or "backlog" or "unpaced" or "paced")) throw new ArgumentException("--load is rabbitmq, database, broker, dispatcher, backlog, unpaced or paced");
                    (loads ??= []).Add(load);
                    break;
                case "--set":
                    var pair = Next().Split('=', 2);
                    settings[pair[0]] = pair.Length > 1 ? pair[1] : "";
                    break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        if (rabbitMq.Length == 0) throw new ArgumentException("no broker: pass --rabbitmq amqp://... or set EXCHANGE_BENCH_RABBITMQ (run.sh does)");
        if (providers.Contains("postgresql") && string.IsNullOrEmpty(postgres))
            throw new ArgumentException("no PostgreSQL: pass --postgres <connection string> or set EXCHANGE_BENCH_POSTGRES (run.sh does), or --provider sqlite");
        if (eventsPerTransaction < 1) throw new ArgumentException("--events-per-transaction is at least 1");
        if (consumerBatch < 0) throw new ArgumentException("--consumer-batch is 0 (one message per inbox transaction) or more");
        if (publishConcurrency < 1) throw new ArgumentException("--publish-concurrency is at least 1");
        if (warmup < 0) throw new ArgumentException("--warmup is 0 (none) or more events");
        if (consumerConcurrency < 1) throw new ArgumentException("--consumer-concurrency is at least 1");
        // The batch consumer reads its tallies, counts them up and writes them back without a lock, so
        // two batches at once would lose counts (and the run would fail its final check).
        if (consumerBatch > 0 && consumerConcurrency > 1) throw new ArgumentException("--consumer-batch takes one batch at a time: leave out --consumer-concurrency or make it 1");
        if (providers.Any(p => p is not ("sqlite" or "postgresql"))) throw new ArgumentException("--provider is sqlite, postgresql or both");
        // Each writer owns the streams with its remainder, so writers never race for one stream's next sequence.
        streams = Math.Max(writers, streams / writers * writers);
        return new BenchmarkOptions(events, providers, streams, writers, pacedRate, pacedEvents, consumerConcurrency ?? (consumerBatch > 0 ? 1 : 16), rabbitMq, postgres, settings, dispatcherOnly, loads, eventsPerTransaction, consumerBatch, publishConcurrency, warmup);
    }
}
