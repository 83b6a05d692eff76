using System.Globalization;

namespace Exchange.Claims.Model;

/// <summary>A calendar month, stored as yyyymm (200704) so that months order and compare as numbers.</summary>
public readonly record struct MonthValue(int Year, int Month) : IComparable<MonthValue>
{
    public int Number => Year * 100 + Month;

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public MonthValue Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    public static MonthValue FromNumber(int number) => new(number / 100, number % 100);

    public static MonthValue Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>April and March of a fiscal year: its first and last months.</summary>
    public static (MonthValue First, MonthValue Last) OfFiscalYear(int year) => (new(year, 4), new(year + 1, 3));

    /// <summary>Every month from <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    public static IEnumerable<MonthValue> Range(MonthValue first, MonthValue last)
    {
        for (var month = first; month.Number <= last.Number; month = month.Next) yield return month;
    }

    public int CompareTo(MonthValue other) => Number.CompareTo(other.Number);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
