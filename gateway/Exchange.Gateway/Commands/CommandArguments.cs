namespace Exchange.Gateway.Commands;

/// <summary>
/// The words and <c>--name value</c> options of a command. Options with a colon in their name
/// (<c>--Database:DataFolder=/srv/data</c>) are configuration, as for the gateway itself.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public CommandArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Words.Add(arg);
                continue;
            }
            var name = arg[2..];
            var equals = name.IndexOf('=');
            if (name.Contains(':'))
            {
                Configuration.Add(arg);
                if (equals < 0 && i + 1 < list.Count) Configuration.Add(list[++i]);
                continue;
            }
            if (equals >= 0) _options[name[..equals]] = name[(equals + 1)..];
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal)) _options[name] = list[++i];
            else _options[name] = "true";
        }
    }

    public List<string> Words { get; } = [];

    /// <summary>Configuration arguments, passed on to the host's configuration.</summary>
    public List<string> Configuration { get; } = [];

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public int IntOption(string name, int fallback = 0) =>
        Option(name) is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new CommandException($"--{name} must be a whole number, not '{text}'")
            : fallback;

    public string Required(string name) => Option(name) ?? throw new CommandException($"--{name} is required");

    /// <summary>Names of options that none of <paramref name="known"/> accepts.</summary>
    public IEnumerable<string> Unknown(params string[] known) => _options.Keys.Where(k => !known.Contains(k));
}

/// <summary>A command line that cannot be run as given; its message says why.</summary>
public sealed class CommandException(string message) : Exception(message);
