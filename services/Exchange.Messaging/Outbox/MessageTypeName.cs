using System.Collections.Concurrent;

namespace Exchange.Messaging.Outbox;

/// <summary>
/// How an event's CLR type is written in the outbox: "Namespace.Type, Assembly", without a version, so
/// rows written before an upgrade of the contracts assembly still resolve after it.
/// </summary>
internal static class MessageTypeName
{
    private static readonly ConcurrentDictionary<string, Type?> Resolved = new();

    public static string Of(Type type) =>
        $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type? Resolve(string name) =>
        Resolved.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false));
}
