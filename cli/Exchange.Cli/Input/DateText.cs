using System.Globalization;
using Exchange.Cli.Hosting;
using Exchange.Common.V1;

namespace Exchange.Cli.Input;

/// <summary>Dates as ISO 8601 calendar dates (2008-05-12).</summary>
public static class DateText
{
    public static Date Parse(string text, string what)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw CliFailure.Usage($"{what} '{text}' is not a date as yyyy-MM-dd");
        return From(date);
    }

    public static Date From(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Date Today() => From(DateOnly.FromDateTime(DateTime.UtcNow));
}
