using System.Globalization;
using System.Text;

namespace Exchange.Surveys.Analytics;

/// <summary>CSV as RFC 4180 writes it: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted.</summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();
    private bool _lineStarted;

    public int Length => _text.Length;

    public CsvWriter Field(string value)
    {
        if (_lineStarted) _text.Append(',');
        _lineStarted = true;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _text.Append(value);
        }
        else
        {
            _text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return this;
    }

    public CsvWriter Field(long value) => Field(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number with one decimal, empty when there is none.</summary>
    public CsvWriter Field(double value) => Field(double.IsNaN(value) ? "" : value.ToString("0.0", CultureInfo.InvariantCulture));

    public CsvWriter Fields(IEnumerable<string> values)
    {
        foreach (var value in values) Field(value);
        return this;
    }

    public CsvWriter EndLine()
    {
        _text.Append("\r\n");
        _lineStarted = false;
        return this;
    }

    /// <summary>Takes what was written so far and starts empty (for streaming in pieces).</summary>
    public string Take()
    {
        var text = _text.ToString();
        _text.Clear();
        return text;
    }

    public override string ToString() => _text.ToString();
}
