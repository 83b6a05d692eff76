using System.Text;
using Exchange.Cli.Hosting;

namespace Exchange.Cli.Input;

/// <summary>
/// A CSV file as RFC 4180 writes it (quoted fields with "" inside, commas and line breaks in
/// quotes, CRLF or LF), with a header row. Columns are found by name, case-insensitively.
/// </summary>
public sealed class CsvFile
{
    private readonly Dictionary<string, int> _columns;

    private CsvFile(string path, List<string> header, List<CsvRow> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) _columns.TryAdd(header[i].Trim(), i);
        foreach (var row in rows) row.File = this;
    }

    public string Path { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    internal int? IndexOf(string column) => _columns.TryGetValue(column, out var index) ? index : null;

    public void Require(params string[] columns)
    {
        var missing = columns.Where(c => !Has(c)).ToList();
        if (missing.Count > 0)
            throw CliFailure.Usage($"{Path} lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; its header is: {string.Join(",", Header)}");
    }

    public static CsvFile Read(string path)
    {
        if (!File.Exists(path)) throw CliFailure.Usage($"no such file: {path}");
        return Parse(path, File.ReadAllText(path, Encoding.UTF8));
    }

    public static CsvFile Parse(string path, string text)
    {
        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    AddRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (quoted) throw CliFailure.Usage($"{path}: a quoted field opened on line {recordLine} is never closed");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRecord();
        }
        if (records.Count == 0) throw CliFailure.Usage($"{path} is empty: it needs a header row");

        var header = records[0].Fields;
        var rows = new List<CsvRow>();
        foreach (var (number, values) in records.Skip(1))
        {
            if (values.Count != header.Count)
                throw CliFailure.Usage($"{path}: line {number} has {values.Count} fields; the header has {header.Count}");
            rows.Add(new CsvRow(number, values));
        }
        return new CsvFile(path, header, rows);

        void AddRecord()
        {
            // Blank lines (a trailing newline, an empty line between rows) are no records.
            if (!(fields.Count == 1 && fields[0].Length == 0)) records.Add((recordLine, [.. fields]));
            fields = [];
        }
    }
}

/// <summary>One data row; <see cref="Line"/> is where it starts in the file, for messages.</summary>
public sealed class CsvRow(int line, IReadOnlyList<string> values)
{
    public int Line { get; } = line;

    public IReadOnlyList<string> Values { get; } = values;

    internal CsvFile File { get; set; } = null!;

    /// <summary>The trimmed value of <paramref name="column"/>; empty when the file has no such column.</summary>
    public string this[string column] => File.IndexOf(column) is { } index ? Values[index].Trim() : "";

    public string Where => $"{File.Path}, line {Line}";
}
