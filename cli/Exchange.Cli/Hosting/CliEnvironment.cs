namespace Exchange.Cli.Hosting;

/// <summary>
/// What the client reads from its surroundings: environment variables and where the profile
/// written by <c>exchange login</c> lives. Tests pass their own, so that nothing leaks between runs.
/// </summary>
public sealed class CliEnvironment(Func<string, string?> variables, string profilePath)
{
    public const string GatewayVariable = "EXCHANGE_GATEWAY";
    public const string KeyVariable = "EXCHANGE_API_KEY";
    public const string ProfileVariable = "EXCHANGE_PROFILE";

    public string? Variable(string name) => variables(name) is { Length: > 0 } value ? value : null;

    /// <summary>The profile file: <c>EXCHANGE_PROFILE</c>, else <c>$XDG_CONFIG_HOME/exchange/profile.json</c>, else <c>~/.config/exchange/profile.json</c>.</summary>
    public string ProfilePath { get; } = profilePath;

    public static CliEnvironment FromProcess() => From(Environment.GetEnvironmentVariable);

    public static CliEnvironment From(Func<string, string?> variables)
    {
        string? Get(string name) => variables(name) is { Length: > 0 } value ? value : null;
        var path = Get(ProfileVariable)
            ?? Path.Combine(Get("XDG_CONFIG_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "exchange", "profile.json");
        return new CliEnvironment(variables, path);
    }
}
