using Exchange.Cli.Hosting;
using Exchange.Rpc.Client;

namespace Exchange.Cli.Gateway;

/// <summary>
/// Which gateway and which key a command uses: the option, else the environment variable, else
/// the profile of <c>exchange login</c>, else (for the gateway) the local development address.
/// </summary>
public sealed record GatewayTarget(Uri Address, string? ApiKey)
{
    public const string DefaultAddress = "http://127.0.0.1:8081";

    public static GatewayTarget Resolve(string? gatewayOption, string? keyOption, CliEnvironment environment)
    {
        var profile = (gatewayOption is null || keyOption is null) ? Profile.Read(environment.ProfilePath) : null;
        var address = gatewayOption ?? environment.Variable(CliEnvironment.GatewayVariable) ?? profile?.Gateway ?? DefaultAddress;
        var key = keyOption ?? environment.Variable(CliEnvironment.KeyVariable) ?? profile?.ApiKey;
        return new GatewayTarget(ParseAddress(address), key?.Trim());
    }

    public static Uri ParseAddress(string text)
    {
        if (!ServiceAddress.TryParse(text, out var address, out var error) || address!.DaprAppId is not null)
            throw CliFailure.Usage($"the gateway address '{text}' is not an http:// or https:// address ({error ?? "Dapr addresses are for services"})");
        return address.ChannelAddress;
    }
}
