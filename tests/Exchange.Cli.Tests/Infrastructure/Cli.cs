using Exchange.Cli.Hosting;

namespace Exchange.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the client in the test process, as its Program does, with captured output and an
/// environment of its own: the gateway and key in EXCHANGE_GATEWAY and EXCHANGE_API_KEY, and a
/// profile file in a fresh folder.
/// </summary>
public sealed class Cli(Uri gateway, string? key, string? profilePath = null)
{
    public string ProfilePath { get; } = profilePath ?? Path.Combine(Path.GetTempPath(), $"exchange-cli-{Guid.NewGuid():N}", "profile.json");

    public Dictionary<string, string?> Variables { get; } = new()
    {
        [CliEnvironment.GatewayVariable] = gateway.ToString(),
        [CliEnvironment.KeyVariable] = key,
    };

    public Cli WithKey(string? key) => new(gateway, key, ProfilePath);

    public async Task<CliResult> Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var environment = new CliEnvironment(name => Variables.GetValueOrDefault(name), ProfilePath);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var code = await ExchangeCommandLine.RunAsync(args, new CliConsole(output, errors, interactive: false, width: 220), environment, timeout.Token);
        return new CliResult(code, output.ToString(), errors.ToString());
    }

    /// <summary>Runs and expects success; the failure message shows everything the client wrote.</summary>
    public async Task<CliResult> Ok(params string[] args)
    {
        var result = await Run(args);
        Assert.True(result.ExitCode == 0, $"exchange {string.Join(' ', args)}\n{result}");
        return result;
    }
}
