using Exchange.Claims.Model;

namespace Exchange.Claims.Checks;

/// <summary>A line with what could be read from it: its amount, currency, value date, rate and yen, each null when unreadable.</summary>
public sealed record LineUnderCheck(
    int Index,
    ClaimLineValue Line,
    decimal? Amount,
    int Decimals,
    bool CurrencyKnown,
    DateOnly? ValueDate,
    ExchangeRate? Rate,
    long? Yen)
{
    public string Field(string name) => $"lines[{Index}].{name}";

    /// <summary>"line 2 (l-stay)": how messages name the line.</summary>
    public string Label => $"line {Index + 1} ({Line.Id})";

    public bool IsYen => Line.Currency == Money.Currencies.Yen;

    public decimal? RateToJpy => IsYen && CurrencyKnown ? Money.YenConversion.YenRate : Rate?.RateToJpy;
}
