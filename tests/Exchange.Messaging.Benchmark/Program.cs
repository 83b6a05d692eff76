using System.Globalization;
using Exchange.Messaging.Benchmark;

// End-to-end events per second through the outbox, RabbitMQ with publisher confirms, and an inbox
// consumer, on SQLite and PostgreSQL. See the README's Performance section.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static string F(double value, string format = "N0") => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

Console.WriteLine($"Outbox -> RabbitMQ (confirms, durable queue, persistent messages) -> inbox consumer; {Environment.ProcessorCount} cores");
var perTransaction = options.EventsPerTransaction == 1 ? "one event per transaction" : $"{options.EventsPerTransaction} events per transaction";
var consuming = options.ConsumerBatch > 0 ? $"consumer in batches of up to {options.ConsumerBatch}, {options.ConsumerConcurrency} at a time" : $"consumer concurrency {options.ConsumerConcurrency}";
Console.WriteLine($"{options.Events} events over {options.Streams} streams by {options.Writers} writers, {perTransaction}; {consuming}");
foreach (var (key, value) in options.Settings) Console.WriteLine($"  {key}={value}");
var rows = new List<(string Provider, string Load, RunFigures Figures)>();
RunFigures? brokerFloor = null, databaseFloor = null;
foreach (var provider in options.Providers)
{
    var run = new BenchmarkRun(options, provider);
    if (options.Warmup > 0)
    {
        Console.WriteLine($"{provider}: warm-up, {options.Warmup} events ...");
        await run.RunAsync(options.Warmup, pacedRate: null);
    }
    // The baseline uses no database: once, whatever the providers.
    if (options.Measures("broker") && !options.DispatcherOnly && provider == options.Providers[0])
    {
        Console.WriteLine($"{provider}: {options.Events} messages through MassTransit alone (no database), {options.PublishConcurrency} publishes awaiting confirmation at a time, {BenchmarkRun.BaselineConsumerConcurrency} consumed at a time ...");
        rows.Add(("-", "broker alone (baseline)", await run.BrokerOnlyAsync(options.Events)));
    }
    if (options.Measures("rabbitmq") && !options.DispatcherOnly && provider == options.Providers[0])
    {
        Console.WriteLine($"{provider}: {options.Events} messages through RabbitMQ.Client alone (no MassTransit, no database), {options.PublishConcurrency} publishes awaiting confirmation at a time ...");
        brokerFloor = await new RawBrokerRun(options.RabbitMq, options.PublishConcurrency).RunAsync(options.Events);
        rows.Add(("-", "RabbitMQ.Client alone (broker ceiling)", brokerFloor));
    }
    if (options.Measures("database") && !options.DispatcherOnly && provider == "postgresql")
    {
        Console.WriteLine($"{provider}: {options.Events} events through PostgreSQL alone (set-based statements with Npgsql, no EF Core, no broker) ...");
        databaseFloor = await new DatabaseFloorRun(options).RunAsync(options.Events);
        rows.Add((provider, "PostgreSQL alone (database floor)", databaseFloor));
    }
    if (options.Measures("dispatcher"))
    {
        Console.WriteLine($"{provider}: {options.Events} events committed first, then published with nobody consuming ...");
        rows.Add((provider, "dispatcher alone", await run.DispatchOnlyAsync(options.Events)));
    }
    if (options.DispatcherOnly) continue;
    if (options.Measures("backlog"))
    {
        Console.WriteLine($"{provider}: {options.Events} events committed first, then drained ...");
        rows.Add((provider, "backlog", await run.RunAsync(options.Events, pacedRate: null, backlog: true)));
    }
    if (options.Measures("unpaced"))
    {
        Console.WriteLine($"{provider}: {options.Events} events as fast as the writers go ...");
        rows.Add((provider, "unpaced", await run.RunAsync(options.Events, pacedRate: null)));
    }
    if (options.PacedEvents > 0 && options.Measures("paced"))
    {
        Console.WriteLine($"{provider}: {options.PacedEvents} events at {options.PacedRate}/s ...");
        rows.Add((provider, $"{options.PacedRate}/s", await run.RunAsync(options.PacedEvents, options.PacedRate)));
    }
}

Console.WriteLine();
Console.WriteLine("| database | load | events | committed/s | end-to-end events/s | vs 5,000/s | p50 ms | p99 ms | copies absorbed | CPU ms/event: .NET | broker | PostgreSQL | all | machine busy |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (provider, load, f) in rows)
{
    Console.WriteLine($"| {provider} | {load} | {f.Events} | {F(f.ProducedPerSecond)} | {F(f.EventsPerSecond)} | {F(f.EventsPerSecond / BenchmarkOptions.TargetEventsPerSecond, "0.00")}x | {F(f.P50Ms, "0.0")} | {F(f.P99Ms, "0.0")} | {f.Copies} | {F(f.Cpu.Service, "0.00")} | {F(f.Cpu.Broker, "0.00")} | {F(f.Cpu.Database, "0.00")} | {F(f.Cpu.Total, "0.00")} | {F(f.Cpu.MachineBusy * 100, "0")} % |");
}
if (brokerFloor is not null && databaseFloor is not null)
{
    // What any implementation of the path needs at least: the broker's and PostgreSQL's floors added up.
    var floor = brokerFloor.Cpu.Total + databaseFloor.Cpu.Total;
    var most = Environment.ProcessorCount * 1000 / floor;
    Console.WriteLine();
    Console.WriteLine($"Floors: {F(brokerFloor.Cpu.Total, "0.00")} ms of CPU per event for the broker (RabbitMQ.Client alone) and {F(databaseFloor.Cpu.Total, "0.00")} ms for the database (set-based writes, Npgsql alone), " +
        $"{F(floor, "0.00")} ms together: {Environment.ProcessorCount} cores carry at most {F(most)} events/s through both with nothing else running, {F(most / BenchmarkOptions.TargetEventsPerSecond, "0.00")}x the 5,000/s target.");
}
return 0;
