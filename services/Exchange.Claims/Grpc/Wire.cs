using Exchange.Claims.Money;
using Exchange.Common.V1;
using Google.Protobuf.WellKnownTypes;
using ProtoMoney = Exchange.Common.V1.Money;

namespace Exchange.Claims.Grpc;

/// <summary>The API's common values: yen, dates, months, instants.</summary>
public static class Wire
{
    public static ProtoMoney Yen(long amount) => new() { Amount = DecimalText.Format(amount), Currency = Currencies.Yen };

    public static ProtoMoney Amount(decimal amount, string currency) =>
        new() { Amount = DecimalText.Format(amount, Currencies.IsKnown(currency) ? Currencies.MinorUnitsOf(currency) : 2), Currency = currency };

    public static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Date? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    /// <summary>"2007-04-02" for a given date, even an impossible one, so that a draft keeps what was typed; empty for none.</summary>
    public static string DateText(Date? date) =>
        date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0) ? "" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    public static Date? DateFromText(string text)
    {
        if (text.Length != 10 || !int.TryParse(text[..4], out var year) || !int.TryParse(text[5..7], out var month) || !int.TryParse(text[8..], out var day)) return null;
        return new Date { Year = year, Month = month, Day = day };
    }

    public static V1.Month Month(Model.MonthValue month) => new() { Year = month.Year, Month_ = month.Month };

    public static V1.Month Month(int number) => Month(Model.MonthValue.FromNumber(number));

    public static Timestamp Time(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static Timestamp? Time(DateTimeOffset? instant) => instant is { } i ? Time(i) : null;
}
