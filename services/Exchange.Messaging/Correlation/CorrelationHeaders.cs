namespace Exchange.Messaging.Correlation;

/// <summary>Where the correlation id travels: one name for RPC metadata, HTTP headers and message headers.</summary>
public static class CorrelationHeaders
{
    /// <summary>Lower case, as gRPC metadata keys must be.</summary>
    public const string Name = "x-correlation-id";

    /// <summary>The property name used in log scopes.</summary>
    public const string LogProperty = "CorrelationId";

    private const int MaxLength = 128;

    /// <summary>
    /// Accepts ids a caller sends only when they are short printable ASCII, so a header cannot smuggle
    /// control characters into logs or grow without bound.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength) return false;
        foreach (var c in value)
        {
            if (c is < '!' or > '~') return false;
        }
        return true;
    }

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static Dictionary<string, object> LogScope(string correlationId) =>
        new() { [LogProperty] = correlationId };
}
