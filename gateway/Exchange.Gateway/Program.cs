using Exchange.Gateway;
using Exchange.Gateway.Commands;

if (GatewayCommands.Handles(args)) return await GatewayCommands.RunAsync(args, Console.Out, Console.Error);
await GatewayApp.Build(args).RunAsync();
return 0;
