using System.Text;

namespace Exchange.Cli.Input;

/// <summary>Writes RFC 4180 CSV: fields with commas, quotes or line breaks quoted, CRLF line ends.</summary>
public static class CsvText
{
    public static string Line(IEnumerable<string?> fields) =>
        string.Join(",", fields.Select(Field)) + "\r\n";

    public static string Field(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder(Line(header));
        foreach (var row in rows) text.Append(Line(row));
        return text.ToString();
    }
}
