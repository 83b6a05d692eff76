using System.Globalization;
using System.Text.RegularExpressions;

namespace Exchange.Claims.Money;

/// <summary>
/// Reads and writes the decimal strings of the API ("1250.50", "-3", "158.32"): digits with an
/// optional sign and point, no exponent, no thousands separators, so that what a client sends
/// is exactly what is computed with.
/// </summary>
public static partial class DecimalText
{
    /// <summary>Amounts up to a trillion in any currency; far above any claim, far below decimal's range.</summary>
    public const decimal Limit = 1_000_000_000_000m;

    [GeneratedRegex(@"^[+-]?(\d{1,13})(\.(\d{1,8}))?$")]
    private static partial Regex Pattern();

    /// <summary>The value of <paramref name="text"/> and how many decimals it was written with; false when it is not a plain decimal within the limit.</summary>
    public static bool TryParse(string? text, out decimal value, out int decimals)
    {
        value = 0;
        decimals = 0;
        var match = Pattern().Match((text ?? "").Trim());
        if (!match.Success) return false;
        if (!decimal.TryParse(match.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        if (Math.Abs(value) >= Limit) return false;
        // Trailing zeros are not precision: "12.50" EUR has two decimals, "1250.000" JPY has none.
        decimals = match.Groups[3].Success ? match.Groups[3].Value.TrimEnd('0').Length : 0;
        return true;
    }

    /// <summary>Invariant, without exponent or grouping: 1250.5m -> "1250.5".</summary>
    public static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>With exactly <paramref name="decimals"/> decimals: the original-currency totals of reports.</summary>
    public static string Format(decimal value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
