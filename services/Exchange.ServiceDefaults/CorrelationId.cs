namespace Exchange.ServiceDefaults;

/// <summary>The correlation id of the work in progress, carried in RPC metadata and message headers.</summary>
public static class CorrelationId
{
    public const string HeaderName = "x-correlation-id";

    private static readonly AsyncLocal<string?> CurrentValue = new();

    public static string? Current => CurrentValue.Value;

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Accepts 1 to 128 characters of letters, digits, '-', '_' and '.'.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static IDisposable Use(string id)
    {
        var previous = CurrentValue.Value;
        CurrentValue.Value = id;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentValue.Value = previous;
    }
}
