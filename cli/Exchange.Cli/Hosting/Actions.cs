using System.CommandLine;

namespace Exchange.Cli.Hosting;

/// <summary>Binds a command to what it does; failures travel up to <see cref="ExchangeCommandLine"/>, which reports them.</summary>
public sealed class Actions(GlobalOptions globals, CliConsole console, CliEnvironment environment)
{
    public CliConsole Console { get; } = console;

    public void Set(Command command, Func<Invocation, Task<int>> run) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var invocation = new Invocation(parse, globals, Console, environment, cancellationToken);
            return await run(invocation);
        });

    public void Set(Command command, Func<Invocation, Task> run) =>
        Set(command, async invocation =>
        {
            await run(invocation);
            return ExitCodes.Ok;
        });
}
