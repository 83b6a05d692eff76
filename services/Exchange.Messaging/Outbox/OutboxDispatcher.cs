using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Exchange.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox events and marks each one dispatched only after the publish completed,
/// which with RabbitMQ publisher confirms means the broker accepted it. Events of one stream go out
/// strictly in sequence: a failing event holds back the rest of its stream (never skipped), while
/// other streams carry on. All state lives in the database, so a restart resumes where it stopped;
/// a lease row keeps other instances of the service from publishing at the same time.
/// </summary>
public sealed class OutboxDispatcher<TContext> : BackgroundService
    where TContext : DbContext
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IBusControl _bus;
    private readonly OutboxSignal _signal;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly OutboxLeaseStore _lease;
    private readonly ResiliencePipeline _publishPipeline;
    private readonly IOutboxDispatchObserver[] _observers;
    private readonly BusRestarter _restarter;

    /// <summary>Ticks (UTC) of the first publish that timed out since one last succeeded; 0 when none has.</summary>
    private long _timingOutSince;

    /// <summary>Ids per UPDATE when marking events dispatched: well within every provider's parameter limit.</summary>
    private const int MarkChunkSize = 500;

    public OutboxDispatcher(
        IServiceScopeFactory scopes,
        IBusControl bus,
        OutboxSignal signal,
        IOptions<OutboxOptions> options,
        TimeProvider clock,
        ILogger<OutboxDispatcher<TContext>> logger,
        IEnumerable<IOutboxDispatchObserver> observers,
        BusRestarter restarter)
    {
        _observers = [.. observers];
        _restarter = restarter;
        _scopes = scopes;
        _bus = bus;
        _signal = signal;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _lease = new OutboxLeaseStore($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", clock);
        _publishPipeline = BuildPublishPipeline(_options);
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForBusAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var dispatched = 0;
                try
                {
                    dispatched = await DispatchRoundAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database itself failed (e.g. unreachable); nothing was lost, try again later.
                    _logger.LogError(ex, "Outbox dispatch round failed; next try in {PollInterval}", _options.PollInterval);
                }

                if (dispatched == 0) await RestartStalledBusAsync(stoppingToken);
                // A round that published something may have left more behind: go again at once.
                if (dispatched == 0) await _signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Hand the lease over at once rather than make another instance wait for it to expire.
            await using var scope = _scopes.CreateAsyncScope();
            await _lease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<TContext>(), cancellationToken);
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Could not release the outbox lease; it expires by itself");
        }
    }

    /// <summary>
    /// Waits until the bus has been healthy once, i.e. connected with every receive endpoint ready. That
    /// declares this service's queues and bindings in the broker before its first event goes out:
    /// RabbitMQ drops a message no queue is bound for. The queues are durable, so after this first
    /// time a later outage loses nothing and publishing no longer waits for health.
    /// </summary>
    private async Task WaitForBusAsync(CancellationToken stoppingToken)
    {
        var warnAt = Now + _options.BusStartWarning;
        while (_bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            if (Now >= warnAt)
            {
                _logger.LogWarning("The outbox of {Context} waits for the bus to become healthy before publishing", typeof(TContext).Name);
                warnAt = Now + _options.BusStartWarning;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
        }
    }

    /// <summary>
    /// Publishes that time out while the bus is healthy mean the broker answers the connection (its
    /// consumers run, heartbeats pass) but the channel publishing on it never gets its confirmations:
    /// the RabbitMQ client can be left that way by an abrupt broker restart, and it does not heal by
    /// itself. After <see cref="OutboxOptions.StalledPublishRestart"/> of nothing but timeouts, the
    /// bus is restarted; nothing is lost meanwhile, the events wait in the outbox. A bus that is not
    /// healthy is reconnecting, which is the transport's job, so it is left alone.
    /// </summary>
    private async Task RestartStalledBusAsync(CancellationToken stoppingToken)
    {
        var since = Interlocked.Read(ref _timingOutSince);
        if (since == 0 || _options.StalledPublishRestart <= TimeSpan.Zero) return;
        var stalledFor = Now - new DateTime(since, DateTimeKind.Utc);
        if (stalledFor < _options.StalledPublishRestart || _bus.CheckHealth().Status != BusHealthStatus.Healthy) return;
        try
        {
            var reason = $"every publish of the {typeof(TContext).Name} outbox has timed out for {stalledFor.TotalSeconds:0} s while the bus reports itself healthy";
            await _restarter.RestartAsync(reason, _options.StalledPublishRestart, _options.PublishTimeout, stoppingToken);
            // Timed again from now: the restarted bus gets the whole allowance before another restart.
            Interlocked.Exchange(ref _timingOutSince, 0);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Restarting the bus failed; trying again after {StalledPublishRestart}", _options.StalledPublishRestart);
            Interlocked.Exchange(ref _timingOutSince, Now.Ticks);
        }
    }

    /// <summary>One pass over the outbox; returns how many events were published.</summary>
    internal async Task<int> DispatchRoundAsync(CancellationToken cancellationToken)
    {
        List<OutboxMessage> backlog;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            if (!await _lease.TryAcquireAsync(db, _options.LeaseDuration, cancellationToken)) return 0;

            var now = Now;
            var streams = await ChooseStreamsAsync(db, now, cancellationToken);
            if (streams.Count == 0) return 0;

            // Ordered by stream then sequence, any cut by Take leaves each stream a prefix of its backlog.
            backlog = await db.Set<OutboxMessage>()
                .AsNoTracking()
                .Where(m => m.DispatchedAt == null && streams.Contains(m.StreamKey))
                .OrderBy(m => m.StreamKey)
                .ThenBy(m => m.Sequence)
                .Take(_options.BatchSize)
                .ToListAsync(cancellationToken);
            // A stream whose head waits for its retry time goes no further this round.
            var waiting = backlog.GroupBy(m => m.StreamKey).Where(g => g.First().NextAttemptAt > now).Select(g => g.Key).ToHashSet();
            if (waiting.Count > 0) backlog.RemoveAll(m => waiting.Contains(m.StreamKey));
        }

        var published = new ConcurrentQueue<OutboxMessage>();
        var failed = 0;
        var leaseLost = false;
        var lease = new RoundLease(this, Now);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentStreams, CancellationToken = cancellationToken };
        // Streams are independent, so many go at once and their confirmations are awaited together;
        // within a stream, one event at a time, each confirmed before the next goes out, so a
        // stream's order on the broker is its sequence.
        try
        {
            await Parallel.ForEachAsync(backlog.GroupBy(m => m.StreamKey), parallel, async (stream, token) =>
            {
                // A round slowed down by failing publishes must not outlive the lease: renewed while it runs.
                if (Volatile.Read(ref failed) > 0 || Volatile.Read(ref leaseLost)) return;
                if (!await lease.KeepAsync(token))
                {
                    Volatile.Write(ref leaseLost, true);
                    return;
                }
                foreach (var message in stream)
                {
                    if (Volatile.Read(ref failed) > 0 || Volatile.Read(ref leaseLost)) return;
                    var outcome = await TryPublishAsync(message, token);
                    if (outcome == Outcome.Published)
                    {
                        published.Enqueue(message);
                        continue;
                    }
                    // A failed publish most likely means the broker is away: end the round rather than
                    // time out once per stream. Streams in back-off are not picked next round, so one
                    // event the broker always refuses cannot hold other streams back.
                    if (outcome == Outcome.PublishFailed) Interlocked.Increment(ref failed);
                    return;
                }
            });
        }
        finally
        {
            // Not cancellable: the broker has these events, so record them even while stopping. If
            // this write is lost anyway (a crash, the database away), they are published again later
            // and consumers' inboxes drop the copies.
            var confirmed = published.ToArray();
            foreach (var observer in _observers) observer.Confirmed(confirmed);
            await MarkDispatchedAsync([.. confirmed.Select(m => m.Id)]);
        }
        return published.Count;
    }

    /// <summary>
    /// Up to <see cref="OutboxOptions.BatchSize"/> streams with events waiting, the stream with the
    /// oldest event first, none of them waiting for a retry time. Usually read from the oldest waiting
    /// events alone (the partial index on their creation time), so that a round costs the same however
    /// long the backlog is. When a stream among them waits for a retry, from every waiting event,
    /// so that a stream in back-off with many old events cannot crowd the others out.
    /// </summary>
    private async Task<List<string>> ChooseStreamsAsync(TContext db, DateTime now, CancellationToken cancellationToken)
    {
        // Only the head of a stream ever has a retry time, and a stream's head is its oldest event:
        // a stream seen among the oldest events shows its head there, and with it any back-off.
        var oldest = await db.Set<OutboxMessage>()
            .Where(m => m.DispatchedAt == null)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new { m.StreamKey, m.NextAttemptAt })
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (oldest.All(m => m.NextAttemptAt is null || m.NextAttemptAt <= now))
        {
            return [.. oldest.Select(m => m.StreamKey).Distinct()];
        }

        return await db.Set<OutboxMessage>()
            .Where(m => m.DispatchedAt == null)
            .GroupBy(m => m.StreamKey)
            .Select(g => new { StreamKey = g.Key, Oldest = g.Min(m => m.CreatedAt), RetryAt = g.Max(m => m.NextAttemptAt) })
            .Where(s => s.RetryAt == null || s.RetryAt <= now)
            .OrderBy(s => s.Oldest)
            .Select(s => s.StreamKey)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks confirmed events dispatched, many rows per statement.</summary>
    private async Task MarkDispatchedAsync(IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 0) return;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var dispatchedAt = Now;
        foreach (var chunk in ids.Chunk(MarkChunkSize))
        {
            await db.Set<OutboxMessage>()
                .Where(m => chunk.Contains(m.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.DispatchedAt, dispatchedAt).SetProperty(m => m.NextAttemptAt, (DateTime?)null), CancellationToken.None);
        }
        _logger.LogDebug("Marked {Count} published events dispatched", ids.Count);
    }

    /// <summary>
    /// The dispatcher's lease during one round: renewed when a stream starts and a third of the
    /// lease has passed since the last renewal, so a long round keeps it without a database round
    /// trip per stream. Renewals are one at a time.
    /// </summary>
    private sealed class RoundLease(OutboxDispatcher<TContext> dispatcher, DateTime renewedAt)
    {
        private readonly SemaphoreSlim _renewing = new(1, 1);
        private DateTime _renewedAt = renewedAt;
        private bool _lost;

        public async Task<bool> KeepAsync(CancellationToken cancellationToken)
        {
            var options = dispatcher._options;
            await _renewing.WaitAsync(cancellationToken);
            try
            {
                if (_lost) return false;
                if (dispatcher.Now - _renewedAt < options.LeaseDuration / 3) return true;
                await using var scope = dispatcher._scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                _lost = !await dispatcher._lease.TryAcquireAsync(db, options.LeaseDuration, cancellationToken);
                _renewedAt = dispatcher.Now;
                return !_lost;
            }
            finally
            {
                _renewing.Release();
            }
        }
    }

    private enum Outcome
    {
        Published,
        UnreadableMessage,
        PublishFailed,
    }

    private async Task<Outcome> TryPublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        object body;
        Type type;
        Dictionary<string, string> headers;
        try
        {
            type = MessageTypeName.Resolve(message.MessageType)
                ?? throw new InvalidOperationException($"Event type '{message.MessageType}' is not loaded in this service.");
            body = JsonSerializer.Deserialize(message.Body, type, OutboxJson.Options)
                ?? throw new InvalidOperationException("The event body is null.");
            headers = OutboxJson.DeserializeHeaders(message.Headers);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or NotSupportedException)
        {
            // Never skipped: the stream stays blocked until a deployment can read the event again.
            await RecordFailureAsync(message, ex);
            return Outcome.UnreadableMessage;
        }

        try
        {
            // WaitAsync: the time limit holds even when the transport does not heed cancellation. A
            // publish waiting for a confirmation from a broker that stopped answering returns only
            // when the connection is declared dead (tens of seconds); abandoned here, it counts as
            // failed, the stream backs off, and a later round publishes the event again (the
            // consumers' inboxes drop a copy, should the first one have arrived after all).
            await _publishPipeline.ExecuteAsync(
                async token => await _bus.Publish(body, type, context => Prepare(context, message, headers), token).WaitAsync(token),
                cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A timeout starts (or continues) a stall; a refusal means the broker is away, not stuck.
            if (ex is TimeoutRejectedException) Interlocked.CompareExchange(ref _timingOutSince, Now.Ticks, 0);
            else Interlocked.Exchange(ref _timingOutSince, 0);
            await RecordFailureAsync(message, ex);
            return Outcome.PublishFailed;
        }

        Interlocked.Exchange(ref _timingOutSince, 0);

        _logger.LogDebug("Published {MessageType} {MessageId} (stream {StreamKey}, sequence {Sequence})",
            message.MessageType, message.Id, message.StreamKey, message.Sequence);
        return Outcome.Published;
    }

    private async Task RecordFailureAsync(OutboxMessage message, Exception ex)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // Only the lease holder writes these columns, so the count read for this round is current.
        var attempts = message.Attempts + 1;
        var lastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
        DateTime? nextAttemptAt = Now + RetryDelay(attempts);
        await db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, lastError)
                .SetProperty(m => m.NextAttemptAt, nextAttemptAt), CancellationToken.None);
        _logger.LogWarning(ex,
            "Publishing {MessageType} {MessageId} (stream {StreamKey}, sequence {Sequence}) failed {Attempts} time(s); the stream waits until {NextAttemptAt:O}",
            message.MessageType, message.Id, message.StreamKey, message.Sequence, attempts, nextAttemptAt);
    }

    private static void Prepare(PublishContext context, OutboxMessage message, Dictionary<string, string> headers)
    {
        context.MessageId = message.Id;
        if (Guid.TryParse(message.CorrelationId, out var correlationId)) context.CorrelationId = correlationId;
        foreach (var (key, value) in headers) context.Headers.Set(key, value);
        context.Headers.Set(OutboxHeaders.StreamKey, message.StreamKey);
        context.Headers.Set(OutboxHeaders.Sequence, message.Sequence);
        context.Durable = true;
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.FirstRetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
        return delay;
    }

    private static ResiliencePipeline BuildPublishPipeline(OutboxOptions options)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.ImmediateRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.ImmediateRetries,
                Delay = options.ImmediateRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
            });
        }
        // Inside the retry, so every attempt gets its own time limit for the broker's confirmation.
        return builder.AddTimeout(options.PublishTimeout).Build();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
