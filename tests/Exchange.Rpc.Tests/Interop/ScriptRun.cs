namespace Exchange.Rpc.Tests.Interop;

/// <summary>How one run of a Node interop script ended, with everything it printed.</summary>
public sealed record ScriptRun(string CommandLine, int? ExitCode, bool TimedOut, string Stdout, string Stderr)
{
    public bool Passed => !TimedOut && ExitCode == 0;

    public string Describe() =>
        $"""
        {CommandLine}
        {(TimedOut ? "did not finish in time and was killed" : $"exited with code {ExitCode}")}
        --- stdout ---
        {Stdout.TrimEnd()}
        --- stderr ---
        {Stderr.TrimEnd()}
        """;
}
