using System.Globalization;
using Exchange.Rpc.Benchmark;

// The on-demand benchmark of the RPC layer (see run.sh beside this file). "run" measures; the
// bare Kestrel target runs as a separate process of this same program ("serve-echo").
switch (args)
{
    case ["serve-echo", var port]:
        await EchoServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture));
        return 0;
    case ["run", .. var rest]:
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(rest);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }
        return await new BenchmarkSession(options).RunAsync();
    default:
        Console.Error.WriteLine(BenchmarkOptions.Usage);
        return 2;
}
