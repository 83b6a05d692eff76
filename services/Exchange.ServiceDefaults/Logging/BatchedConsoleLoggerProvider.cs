using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Exchange.ServiceDefaults.Logging;

/// <summary>
/// Console logging that writes its lines in batches. A line is formatted on the thread that logs it,
/// by the console logger's own formatter (same text, scopes and timestamps), and queued; a writer
/// wakes every <see cref="BatchedConsoleOptions.FlushInterval"/> and writes whatever is queued in one
/// write to standard output. The console logger instead wakes its writer thread and writes once per
/// line: with a line per call (the gateway's access log) that costs a thread hand-off and a system
/// call per call, which on a small machine was most of the gateway's added latency. Lines appear up
/// to one interval late; on disposal (a normal stop) everything queued is written. Past
/// <see cref="BatchedConsoleOptions.MaxQueuedLines"/>, lines are dropped and their number is logged.
/// </summary>
[ProviderAlias("Console")]
public sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    [ThreadStatic]
    private static StringWriter? t_line;

    private readonly ConsoleFormatter _formatter;
    private readonly Stream _output;
    private readonly int _capacity;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly PeriodicTimer _timer;
    private readonly Task _writing;
    private readonly Lock _draining = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private int _queued;
    private long _dropped;
    private int _disposed;

    public BatchedConsoleLoggerProvider(ConsoleFormatter formatter, Stream output, BatchedConsoleOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FlushInterval, TimeSpan.Zero, nameof(options.FlushInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxQueuedLines, 1, nameof(options.MaxQueuedLines));
        _formatter = formatter;
        _output = output;
        _capacity = options.MaxQueuedLines;
        _timer = new PeriodicTimer(options.FlushInterval);
        _writing = Task.Run(WriteEveryIntervalAsync);
    }

    public ILogger CreateLogger(string categoryName) => new BatchedConsoleLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    private void Queue<TState>(in LogEntry<TState> entry)
    {
        var line = t_line ??= new StringWriter(CultureInfo.InvariantCulture);
        var text = line.GetStringBuilder();
        text.Clear();
        _formatter.Write(in entry, _scopes, line);
        if (text.Length == 0) return;
        if (Interlocked.Increment(ref _queued) > _capacity)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return;
        }
        _lines.Enqueue(text.ToString());
        // A long line (a stack trace) does not keep its buffer: emptied first, the capacity can shrink.
        text.Clear();
        if (text.Capacity > 4096) text.Capacity = 4096;
    }

    private async Task WriteEveryIntervalAsync()
    {
        while (await _timer.WaitForNextTickAsync()) Drain();
    }

    /// <summary>Writes everything queued, in order, in one write.</summary>
    private void Drain()
    {
        lock (_draining)
        {
            if (_lines.IsEmpty && Interlocked.Read(ref _dropped) == 0) return;
            var batch = new StringBuilder();
            while (_lines.TryDequeue(out var line))
            {
                Interlocked.Decrement(ref _queued);
                batch.Append(line);
            }
            var dropped = Interlocked.Exchange(ref _dropped, 0);
            if (dropped > 0)
                batch.Append(CultureInfo.InvariantCulture, $"{dropped} log line(s) dropped: more than {_capacity} were waiting for the console{Environment.NewLine}");
            try
            {
                _output.Write(Encoding.UTF8.GetBytes(batch.ToString()));
                _output.Flush();
            }
            catch (IOException)
            {
                // Nobody reads standard output any more (the pipe closed): nothing else to do with the lines.
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _timer.Dispose();
        _writing.GetAwaiter().GetResult();
        Drain();
    }

    private sealed class BatchedConsoleLogger(string category, BatchedConsoleLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Queue(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
        }
    }
}
