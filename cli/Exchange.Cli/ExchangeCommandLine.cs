using System.CommandLine;
using Exchange.Cli.Commands;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Rpc;

namespace Exchange.Cli;

/// <summary>
/// The <c>exchange</c> command line: builds the command tree, runs one command, and turns every
/// failure into a message and the exit code of its kind (<see cref="ExitCodes"/>).
/// </summary>
public static class ExchangeCommandLine
{
    public const string Name = "exchange";

    public static Command Build(CliConsole console, CliEnvironment environment, out GlobalOptions globals)
    {
        globals = new GlobalOptions();
        var actions = new Actions(globals, console, environment);
        // Named here rather than after the executable: 'dotnet exchange.dll' and a test host both show 'exchange'.
        var root = new Command(Name, """
            exchange: the Exchange platform from a command line, through its gateway with an API key.
            Coordinators list and register projects, approve and pay claims, reconcile coordinator contracts,
            run survey rounds and export reports; implementation bodies log missions and submit claims.
            """);
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        root.Options.Add(new VersionOption());
        globals.AddTo(root);
        root.Subcommands.Add(LoginCommands.Login(actions));
        root.Subcommands.Add(LoginCommands.Logout(actions));
        root.Subcommands.Add(ProjectCommands.Build(actions));
        root.Subcommands.Add(MissionCommands.Build(actions));
        root.Subcommands.Add(ClaimCommands.Build(actions));
        root.Subcommands.Add(ContractCommands.Build(actions));
        root.Subcommands.Add(SurveyCommands.Build(actions));
        root.Subcommands.Add(ReportCommands.Build(actions));
        root.Subcommands.Add(KeyCommands.Build(actions));
        root.Subcommands.Add(DemoCommands.Build(actions));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = Build(console, environment, out var globals);
        var parse = root.Parse(args);
        var json = parse.GetValue(globals.Json);
        if (parse.Errors.Count > 0)
        {
            return ErrorReport.Write(CliFailure.Usage(
                $"{string.Join("; ", parse.Errors.Select(e => e.Message))} (see 'exchange {string.Join(' ', CommandPath(parse))} --help')"),
                console.ErrorWriter, json);
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.OutWriter,
            Error = console.ErrorWriter,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliFailure failure)
        {
            return ErrorReport.Write(failure, console.ErrorWriter, json);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ErrorReport.Write(new CliFailure("stopped", ExitCodes.Cancelled), console.ErrorWriter, json);
        }
        catch (RpcException error)
        {
            return ErrorReport.Write(error, console.ErrorWriter, json, GatewayOf(parse, globals, environment));
        }
        catch (Exception unexpected) when (unexpected is IOException or UnauthorizedAccessException)
        {
            // Files the command reads or writes: a message, not a stack trace.
            return ErrorReport.Write(new CliFailure(unexpected.Message, ExitCodes.Failure), console.ErrorWriter, json);
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Parent is not null) names.Insert(0, result.Command.Name);
        }
        return names;
    }

    private static string GatewayOf(ParseResult parse, GlobalOptions globals, CliEnvironment environment)
    {
        try
        {
            return GatewayTarget.Resolve(parse.GetValue(globals.Gateway), "-", environment).Address.ToString();
        }
        catch (CliFailure)
        {
            return parse.GetValue(globals.Gateway) ?? GatewayTarget.DefaultAddress;
        }
    }
}
