using Exchange.Cli;
using Exchange.Cli.Hosting;

return await ExchangeCommandLine.RunAsync(args, CliConsole.FromProcess(), CliEnvironment.FromProcess());
