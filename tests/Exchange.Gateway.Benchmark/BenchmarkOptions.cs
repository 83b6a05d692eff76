using System.Globalization;

namespace Exchange.Gateway.Benchmark;

/// <summary>What to run and for how long; the built service and gateway come from the repository's Release build.</summary>
/// <param name="GatewaySettings">Settings of the gateway only (<c>--gateway Key=Value</c>, repeated), to compare one against the defaults.</param>
/// <param name="CompareSettings">
/// Settings of a second gateway (<c>--compare Key=Value</c>, repeated), on top of <paramref name="GatewaySettings"/>:
/// when given, it runs beside the first and is measured in the same rounds, one call at a time.
/// </param>
public sealed record BenchmarkOptions(string Root, TimeSpan Duration, TimeSpan WarmUp, int Rounds, string RabbitMq,
    IReadOnlyDictionary<string, string> GatewaySettings, IReadOnlyDictionary<string, string> CompareSettings)
{
    public const string Usage = "usage: Exchange.Gateway.Benchmark --root <repository> --rabbitmq <amqp url> [--duration 8] [--warmup 8] [--rounds 3] [--gateway Key=Value]... [--compare Key=Value]...";

    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var gateway = new Dictionary<string, string>(StringComparer.Ordinal);
        var compare = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected '{args[i]}'");
            if (args[i] is "--gateway" or "--compare")
            {
                var setting = args[i + 1].Split('=', 2);
                if (setting.Length != 2 || setting[0].Length == 0) throw new ArgumentException($"{args[i]} takes Key=Value, not '{args[i + 1]}'");
                (args[i] == "--gateway" ? gateway : compare)[setting[0]] = setting[1];
                continue;
            }
            values[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0) throw new ArgumentException($"'{args[^1]}' has no value");
        double Seconds(string name, double fallback) =>
            values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new BenchmarkOptions(
            values.GetValueOrDefault("root") ?? throw new ArgumentException("--root is required"),
            TimeSpan.FromSeconds(Seconds("duration", 8)),
            TimeSpan.FromSeconds(Seconds("warmup", 8)),
            (int)Seconds("rounds", 3),
            values.GetValueOrDefault("rabbitmq") ?? throw new ArgumentException("--rabbitmq is required"),
            gateway,
            compare);
    }
}
