using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace Exchange.Messaging.Benchmark;

/// <summary>
/// PostgreSQL's own floor for the path, the counterpart of <see cref="RawBrokerRun"/>: the same
/// tables (the services' migrations), the same units of work (K events per writer transaction, the
/// dispatcher's batches, inbox batches) and the same writes, but each step as one set-based statement
/// sent with Npgsql alone, and the broker replaced by a hand-over in memory. What the real path does
/// besides (reading the tallies and the streams' last sequence numbers, finding the inbox's copies,
/// EF Core) is left out, so its CPU per event is the least PostgreSQL can take for these writes.
/// </summary>
public sealed class DatabaseFloorRun(BenchmarkOptions options)
{
    private const string Consumer = "Exchange.Messaging.Benchmark.DatabaseFloor";

    private const string WriteTallies = "update tallies set total = total + 1 where stream = any($1)";

    private const string WriteOutbox =
        "insert into outbox_messages (id, stream_key, sequence, message_type, body, headers, correlation_id, created_at, attempts) " +
        "select e.*, 0 from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[]) as e";

    private const string ReadOutbox =
        "select id, stream_key, sequence, message_type, body, headers from outbox_messages where dispatched_at is null order by created_at limit 1000";

    private const string MarkDispatched = "update outbox_messages set dispatched_at = now() where id = any($1)";

    private const string WriteInbox =
        "insert into inbox_messages (consumer, message_id, message_type, processed_at) select $1, m, $2, now() from unnest($3::uuid[]) as m on conflict do nothing";

    private const string ApplyTallies =
        "update tallies t set total = t.total + d.n from (select s, count(*) as n from unnest($1::int[]) as s group by s) as d where t.stream = d.s";

    public async Task<RunFigures> RunAsync(int events)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var producerDb = await BenchmarkDatabase.CreateAsync("postgresql", options.Postgres, $"bench_producer_{id}");
        await using var consumerDb = await BenchmarkDatabase.CreateAsync("postgresql", options.Postgres, $"bench_consumer_{id}");
        // The services' own schema and seeded streams, through their migrations.
        await using (var producer = await TallyService.StartWriterAsync(producerDb.Settings)) await producer.SeedAsync(options.Streams);
        await using (var consumer = await TallyService.StartWriterAsync(consumerDb.Settings)) await consumer.SeedAsync(options.Streams);
        await using var producerSource = DataSource(producerDb);
        await using var consumerSource = DataSource(consumerDb);

        var recorder = new LatencyRecorder(events);
        var handOver = Channel.CreateUnbounded<(Guid Id, int Stream, int Index)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var written = new SemaphoreSlim(0);
        var indexes = new ConcurrentDictionary<Guid, int>();
        using var failed = new CancellationTokenSource();

        var cpu = CpuMeter.Now;
        var writers = Enumerable.Range(0, options.Writers).Select(w => WriteAsync(producerSource, recorder, indexes, written, w, events)).ToList();
        var dispatcher = DispatchAsync(producerSource, handOver.Writer, indexes, written, events, failed.Token);
        var consumerTask = ConsumeAsync(consumerSource, handOver.Reader, recorder, failed.Token);
        try
        {
            await Task.WhenAll(writers);
            await dispatcher;
            await consumerTask;
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        var figures = recorder.Figures() with { Cpu = CpuMeter.Now.Since(cpu, events) };

        await using var check = await consumerSource.OpenConnectionAsync();
        await using var state = new NpgsqlCommand("select (select sum(total) from tallies), (select count(*) from inbox_messages)", check);
        await using var reader = await state.ExecuteReaderAsync();
        await reader.ReadAsync();
        BenchmarkOptions.CheckConsumerState(reader.GetInt64(0), reader.GetInt64(1), events);
        return figures;
    }

    private static NpgsqlDataSource DataSource(BenchmarkDatabase database) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.Settings["ConnectionStrings:tally"]) { MaxAutoPrepare = 16, AutoPrepareMinUsages = 2 }.ConnectionString);

    /// <summary>Writer <paramref name="writer"/>'s transactions, as the real path's writers have them (<see cref="BenchmarkOptions.TransactionsOf"/>).</summary>
    private async Task WriteAsync(NpgsqlDataSource source, LatencyRecorder recorder, ConcurrentDictionary<Guid, int> indexes, SemaphoreSlim written, int writer, int events)
    {
        await Task.Yield();
        var sequences = new Dictionary<int, long>();
        var type = typeof(TallyRecorded).AssemblyQualifiedName!;
        var headers = JsonSerializer.Serialize(new Dictionary<string, string> { ["X-Correlation-Id"] = Guid.NewGuid().ToString("N") });
        foreach (var batch in options.TransactionsOf(writer, events))
        {
            var streams = batch.Select(index => index % options.Streams).ToArray();
            var ids = new Guid[batch.Length];
            var keys = new string[batch.Length];
            var numbers = new long[batch.Length];
            var bodies = new string[batch.Length];
            var now = DateTime.UtcNow;
            for (var i = 0; i < batch.Length; i++)
            {
                ids[i] = Guid.CreateVersion7();
                indexes[ids[i]] = batch[i];
                keys[i] = streams[i].ToString(CultureInfo.InvariantCulture);
                numbers[i] = sequences[streams[i]] = sequences.GetValueOrDefault(streams[i]) + 1;
                bodies[i] = JsonSerializer.Serialize(new TallyRecorded(streams[i], batch[i], numbers[i]));
            }
            await using var connection = await source.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand(WriteTallies) { Parameters = { new() { Value = streams } } },
                    new NpgsqlBatchCommand(WriteOutbox)
                    {
                        Parameters =
                        {
                            new() { Value = ids }, new() { Value = keys }, new() { Value = numbers }, new() { Value = Enumerable.Repeat(type, batch.Length).ToArray() },
                            new() { Value = bodies }, new() { Value = Enumerable.Repeat(headers, batch.Length).ToArray() },
                            new() { Value = Enumerable.Repeat("floor", batch.Length).ToArray() }, new() { Value = Enumerable.Repeat(now, batch.Length).ToArray() },
                        },
                    },
                },
            };
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            foreach (var index in batch) recorder.Committed(index);
            written.Release();
        }
    }

    /// <summary>Reads the oldest undispatched events, marks them dispatched and hands them over, until all went.</summary>
    private static async Task DispatchAsync(NpgsqlDataSource source, ChannelWriter<(Guid, int, int)> handOver, ConcurrentDictionary<Guid, int> indexes, SemaphoreSlim written, int events, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var dispatched = 0;
        while (dispatched < events)
        {
            var rows = new List<(Guid Id, int Stream)>(1000);
            await using (var connection = await source.OpenConnectionAsync(cancellationToken))
            {
                await using (var read = new NpgsqlCommand(ReadOutbox, connection))
                await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        _ = reader.GetString(3);
                        _ = reader.GetString(4);
                        _ = reader.GetString(5);
                        rows.Add((reader.GetGuid(0), int.Parse(reader.GetString(1), CultureInfo.InvariantCulture)));
                    }
                }
                if (rows.Count == 0)
                {
                    await written.WaitAsync(TimeSpan.FromMilliseconds(50), cancellationToken);
                    continue;
                }
                await using var mark = new NpgsqlCommand(MarkDispatched, connection) { Parameters = { new() { Value = rows.Select(r => r.Id).ToArray() } } };
                await mark.ExecuteNonQueryAsync(cancellationToken);
            }
            foreach (var (messageId, stream) in rows) await handOver.WriteAsync((messageId, stream, indexes[messageId]), cancellationToken);
            dispatched += rows.Count;
        }
        handOver.Complete();
    }

    /// <summary>Applies what was handed over in inbox batches of up to the consumer batch (100 when none is set).</summary>
    private async Task ConsumeAsync(NpgsqlDataSource source, ChannelReader<(Guid Id, int Stream, int Index)> handOver, LatencyRecorder recorder, CancellationToken cancellationToken)
    {
        var limit = options.ConsumerBatch > 0 ? options.ConsumerBatch : 100;
        var batch = new List<(Guid Id, int Stream, int Index)>(limit);
        while (await handOver.WaitToReadAsync(cancellationToken))
        {
            batch.Clear();
            while (batch.Count < limit && handOver.TryRead(out var item)) batch.Add(item);
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand(WriteInbox) { Parameters = { new() { Value = Consumer }, new() { Value = nameof(TallyRecorded) }, new() { Value = batch.Select(m => m.Id).ToArray() } } },
                    new NpgsqlBatchCommand(ApplyTallies) { Parameters = { new() { Value = batch.Select(m => m.Stream).ToArray() } } },
                },
            };
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var message in batch) recorder.MarkConsumed(message.Index);
        }
    }
}
