using System.Globalization;
using System.Text;
using Exchange.Common.V1;

namespace Exchange.Cli.Output;

/// <summary>How values read in tables: enum names in kebab case, dates in ISO 8601, money with its currency.</summary>
public static class Display
{
    /// <summary><c>SupportTool.OverseasMission</c> as <c>overseas-mission</c>, the form the options accept.</summary>
    public static string Name<T>(T value) where T : struct, Enum => Kebab(value.ToString());

    public static string Kebab(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1])))) text.Append('-');
            else if (char.IsDigit(c) && i > 0 && !char.IsDigit(pascal[i - 1])) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    public static string Date(Date? date) =>
        date is null || date.Year == 0 ? "" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    public static string Money(Money? money) =>
        money is null || money.Amount.Length == 0 ? "" : $"{money.Amount} {money.Currency}";

    public static string Years(IEnumerable<int> years)
    {
        var list = years.Order().ToList();
        return list.Count switch
        {
            0 => "",
            1 => $"FY{list[0]}",
            _ when list[^1] - list[0] == list.Count - 1 => $"FY{list[0]}-{list[^1]}",
            _ => string.Join(", ", list.Select(y => $"FY{y}")),
        };
    }

    public static string Time(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null ? "" : time.ToDateTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
