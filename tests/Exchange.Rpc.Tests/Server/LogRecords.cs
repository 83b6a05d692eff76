using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Tests.Server;

/// <summary>A logger provider that keeps every record with its exception.</summary>
public sealed class LogRecords : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> _records = new();

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> All => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(LogRecords owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._records.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
