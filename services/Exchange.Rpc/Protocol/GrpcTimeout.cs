using System.Globalization;

namespace Exchange.Rpc.Protocol;

/// <summary>
/// The <c>grpc-timeout</c> header: one to eight ASCII digits and a unit, H (hours), M (minutes),
/// S (seconds), m (milliseconds), u (microseconds) or n (nanoseconds).
/// </summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9) return false;
        long amount = 0;
        for (var i = 0; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (c < '0' || c > '9') return false;
            amount = amount * 10 + (c - '0');
        }
        long ticks;
        switch (value[^1])
        {
            case 'H': ticks = SafeMultiply(amount, TimeSpan.TicksPerHour); break;
            case 'M': ticks = SafeMultiply(amount, TimeSpan.TicksPerMinute); break;
            case 'S': ticks = SafeMultiply(amount, TimeSpan.TicksPerSecond); break;
            case 'm': ticks = amount * TimeSpan.TicksPerMillisecond; break;
            case 'u': ticks = amount * 10; break;
            case 'n': ticks = amount / 100; break;
            default: return false;
        }
        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>
    /// Writes the most precise unit that fits in eight digits; rounds up so that the server never
    /// sees a shorter deadline than the client keeps.
    /// </summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero) return "1n";
        var ticks = timeout.Ticks;
        // Nanoseconds: 1 tick = 100 ns.
        if (ticks <= MaxValue / 100) return (ticks * 100).ToString(CultureInfo.InvariantCulture) + "n";
        if (ticks / 10 <= MaxValue) return CeilDiv(ticks, 10).ToString(CultureInfo.InvariantCulture) + "u";
        if (CeilDiv(ticks, TimeSpan.TicksPerMillisecond) <= MaxValue) return CeilDiv(ticks, TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "m";
        if (CeilDiv(ticks, TimeSpan.TicksPerSecond) <= MaxValue) return CeilDiv(ticks, TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture) + "S";
        if (CeilDiv(ticks, TimeSpan.TicksPerMinute) <= MaxValue) return CeilDiv(ticks, TimeSpan.TicksPerMinute).ToString(CultureInfo.InvariantCulture) + "M";
        return Math.Min(CeilDiv(ticks, TimeSpan.TicksPerHour), MaxValue).ToString(CultureInfo.InvariantCulture) + "H";
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    private static long SafeMultiply(long amount, long unit) =>
        amount > long.MaxValue / unit ? long.MaxValue : amount * unit;
}
