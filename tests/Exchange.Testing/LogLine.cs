using Microsoft.Extensions.Logging;

namespace Exchange.Testing;

/// <summary>One captured log line, as an operator would read it.</summary>
public sealed record LogLine(string Category, LogLevel Level, string Message, string Scopes, string Exception)
{
    public string Everything => $"{Category} {Level} {Message} {Scopes} {Exception}";
}
