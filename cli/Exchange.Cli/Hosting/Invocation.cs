using System.CommandLine;
using Exchange.Cli.Gateway;
using Exchange.Cli.Output;

namespace Exchange.Cli.Hosting;

/// <summary>One run of a command: its parsed arguments, where it writes, and its gateway client, made when first needed.</summary>
public sealed class Invocation(ParseResult parse, GlobalOptions globals, CliConsole console, CliEnvironment environment, CancellationToken cancellationToken) : IDisposable
{
    private GatewayClient? _client;

    public ParseResult Parse { get; } = parse;

    public CliEnvironment Environment { get; } = environment;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public CommandOutput Output { get; } = new(console, parse.GetValue(globals.Json));

    public GatewayTarget Target => GatewayTarget.Resolve(Parse.GetValue(globals.Gateway), Parse.GetValue(globals.Key), Environment);

    /// <summary>The gateway client with the key of the options, environment or profile.</summary>
    public GatewayClient Gateway => _client ??= new GatewayClient(Target);

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T Required<T>(Argument<T> argument) => Parse.GetValue(argument) ?? throw CliFailure.Usage($"{argument.Name} is required");

    public void Dispose() => _client?.Dispose();
}
