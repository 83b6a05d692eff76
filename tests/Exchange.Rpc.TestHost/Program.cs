using Exchange.Rpc.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Runs the interop server as a process: Program [h2Port] [http1Port]. Prints the two ports as
// "ready <h2Port> <http1Port>" once listening, then serves until it is stopped.
var h2Port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
var http1Port = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
await using var server = await TestServer.StartAsync(h2Port, http1Port);
Console.WriteLine($"ready {server.H2Port} {server.Http1Port}");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
// The host's console lifetime takes SIGTERM (so ProcessExit never comes) and stops the host.
server.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stop.TrySetResult());
await stop.Task;
