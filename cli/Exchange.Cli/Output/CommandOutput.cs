using Exchange.Cli.Hosting;
using Google.Protobuf;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Exchange.Cli.Output;

/// <summary>
/// What a command shows: for people, tables and lines on standard output and notes on standard
/// error; for scripts (<c>--json</c>), exactly one JSON document on standard output and nothing else.
/// </summary>
public sealed class CommandOutput(CliConsole console, bool json)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false).WithIndentation());

    public bool Json { get; } = json;

    public CliConsole Console { get; } = console;

    /// <summary>The result: as JSON (the protobuf JSON mapping) with --json, else by <paramref name="render"/>.</summary>
    public void Result(IMessage message, Action render)
    {
        if (Json) Console.OutWriter.WriteLine(Formatter.Format(message));
        else render();
    }

    /// <summary>The result as a JSON document the client composes itself (counts, files written).</summary>
    public void Result(System.Text.Json.Nodes.JsonNode document, Action render)
    {
        if (Json) Console.OutWriter.WriteLine(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        else render();
    }

    public void Write(IRenderable renderable) => Console.Out.Write(renderable);

    /// <summary>A line as it is, never wrapped: scripts may look for it.</summary>
    public void Line(string text) => Console.OutWriter.WriteLine(text);

    /// <summary>A note for people (what was done, what to do next); silent with --json.</summary>
    public void Note(string text)
    {
        if (!Json) Console.ErrorWriter.WriteLine(text);
    }

    public static string Format(IMessage message) => Formatter.Format(message);

    /// <summary>A table with plain-text cells (no markup is interpreted in the data).</summary>
    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns) table.AddColumn(new TableColumn(Markup.Escape(column)));
        return table;
    }

    public static void Row(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? "")).ToArray());
}
