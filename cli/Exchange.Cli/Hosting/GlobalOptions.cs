using System.CommandLine;

namespace Exchange.Cli.Hosting;

/// <summary>Options every command takes.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Gateway { get; } = new("--gateway")
    {
        Description = $"The gateway's gRPC address [env: EXCHANGE_GATEWAY; else the profile of 'exchange login'; else http://127.0.0.1:8081]",
        Recursive = true,
        HelpName = "url",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "The API key [env: EXCHANGE_API_KEY; else the profile of 'exchange login']",
        Recursive = true,
        HelpName = "api-key",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write the result as JSON (the protobuf JSON mapping) for scripts; errors as JSON on standard error",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Gateway);
        command.Options.Add(Key);
        command.Options.Add(Json);
    }
}
