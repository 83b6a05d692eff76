namespace Exchange.Claims.Money;

/// <summary>
/// The programme's rounding rule: an amount in any currency becomes whole yen as
/// amount x rate (yen per unit), rounded half away from zero, line by line. Totals are sums of
/// rounded lines, so that a total always equals the sum of what its lines show.
/// </summary>
public static class YenConversion
{
    /// <summary>Rate of the base currency to itself.</summary>
    public const decimal YenRate = 1m;

    public static long ToYen(decimal amount, decimal rateToJpy) =>
        decimal.ToInt64(Math.Round(amount * rateToJpy, 0, MidpointRounding.AwayFromZero));
}
