using Spectre.Console;

namespace Exchange.Cli.Hosting;

/// <summary>
/// Where a command writes: results (tables, JSON) to standard output, progress, notes and errors
/// to standard error, so that <c>--json</c> output stays clean for scripts.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool interactive = false, int width = 160)
    {
        OutWriter = output;
        ErrorWriter = error;
        Out = Create(output, interactive, width);
        Error = Create(error, interactive, width);
        IsInteractive = interactive;
    }

    private CliConsole(TextWriter output, TextWriter error, IAnsiConsole @out, IAnsiConsole err, bool interactive)
    {
        OutWriter = output;
        ErrorWriter = error;
        Out = @out;
        Error = err;
        IsInteractive = interactive;
    }

    public TextWriter OutWriter { get; }

    public TextWriter ErrorWriter { get; }

    /// <summary>Tables and lines of the result.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Progress bars, notes and errors.</summary>
    public IAnsiConsole Error { get; }

    /// <summary>A person watches a terminal: progress bars redraw in place.</summary>
    public bool IsInteractive { get; }

    /// <summary>The process's own streams, with colours and live progress when they are terminals.</summary>
    public static CliConsole FromProcess()
    {
        var interactive = !Console.IsErrorRedirected;
        var @out = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new CliConsole(Console.Out, Console.Error, @out, err, interactive);
    }

    private static IAnsiConsole Create(TextWriter writer, bool interactive, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
