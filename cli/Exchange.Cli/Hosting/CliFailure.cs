namespace Exchange.Cli.Hosting;

/// <summary>A command that cannot go on, with the message for the user and the exit code of its kind.</summary>
public sealed class CliFailure(string message, int exitCode = ExitCodes.Usage, IReadOnlyList<string>? details = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Lines that go under the message: one per bad row, field or rule.</summary>
    public IReadOnlyList<string> Details { get; } = details ?? [];

    public static CliFailure Usage(string message, IReadOnlyList<string>? details = null) => new(message, ExitCodes.Usage, details);
}
