using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Exchange.Testing;

/// <summary>Keeps every log line of a host, formatted, with its category and scopes: what an operator would read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public IEnumerable<LogLine> Of(string category) => _lines.Where(l => l.Category == category);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        private static readonly AsyncLocal<List<object?>> Scopes = new();

        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            var scopes = Scopes.Value ??= [];
            scopes.Add(state);
            return new Scope(scopes, state);
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var scopes = Scopes.Value is { } list ? string.Join(" ", list.Select(Describe)) : "";
            lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), scopes, exception?.ToString() ?? ""));
        }

        private static string Describe(object? scope) => scope is IEnumerable<KeyValuePair<string, object>> pairs
            ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : scope?.ToString() ?? "";

        private sealed class Scope(List<object?> scopes, object? state) : IDisposable
        {
            public void Dispose() => scopes.Remove(state);
        }
    }
}
