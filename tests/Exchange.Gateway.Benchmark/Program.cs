using Exchange.Gateway.Benchmark;

// The on-demand benchmark of the gateway (see run.sh beside this file): the Projects service
// called directly and through the gateway, with the same load generator, over gRPC and Connect JSON.
try
{
    var options = BenchmarkOptions.Parse(args);
    return await new BenchmarkSession(options).RunAsync();
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}
