namespace Exchange.Claims.Model;

/// <summary>Yen per unit of a currency from a date on, until the currency's next rate. Coordinators maintain the table.</summary>
public sealed class ExchangeRate
{
    private ExchangeRate()
    {
    }

    public string Currency { get; private set; } = "";

    public DateOnly EffectiveFrom { get; private set; }

    public decimal RateToJpy { get; private set; }

    public string Source { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static ExchangeRate Create(string currency, DateOnly effectiveFrom, decimal rate, string source, string by, DateTimeOffset now) => new()
    {
        Currency = currency,
        EffectiveFrom = effectiveFrom,
        RateToJpy = rate,
        Source = source,
        RecordedBy = by,
        RecordedAt = now,
    };

    /// <summary>A correction of the same day's rate replaces it.</summary>
    public void Replace(decimal rate, string source, string by, DateTimeOffset now)
    {
        RateToJpy = rate;
        Source = source;
        RecordedBy = by;
        RecordedAt = now;
    }
}
