namespace Exchange.Claims.Model;

/// <summary>The rates of some currencies, answering which rate applies at a value date.</summary>
public sealed class ExchangeRateTable(IEnumerable<ExchangeRate> rates)
{
    private readonly Dictionary<string, List<ExchangeRate>> _byCurrency = rates
        .GroupBy(r => r.Currency, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.EffectiveFrom).ToList(), StringComparer.Ordinal);

    public static readonly ExchangeRateTable Empty = new([]);

    /// <summary>The latest rate effective on or before <paramref name="valueDate"/>; null when there is none.</summary>
    public ExchangeRate? At(string currency, DateOnly valueDate) =>
        _byCurrency.TryGetValue(currency, out var rates) ? rates.FirstOrDefault(r => r.EffectiveFrom <= valueDate) : null;
}
