using System.Text.Json;

namespace Exchange.Cli.Tests.Infrastructure;

/// <summary>What a run of the client left: its exit code and what it wrote to each stream.</summary>
public sealed record CliResult(int ExitCode, string Output, string Errors)
{
    /// <summary>Standard output as one JSON document (fails the test when it is not one).</summary>
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    /// <summary>Standard error as the JSON error report of --json.</summary>
    public JsonElement ErrorJson => JsonDocument.Parse(Errors).RootElement.GetProperty("error");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}
