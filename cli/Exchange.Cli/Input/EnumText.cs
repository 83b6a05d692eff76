using Exchange.Cli.Hosting;
using Exchange.Cli.Output;

namespace Exchange.Cli.Input;

/// <summary>
/// Reads an enum value as people type it: <c>overseas-mission</c>, <c>overseas_mission</c>,
/// <c>OVERSEAS_MISSION</c>, or the proto name <c>SUPPORT_TOOL_OVERSEAS_MISSION</c>.
/// </summary>
public static class EnumText
{
    public static T Parse<T>(string text, string what) where T : struct, Enum
    {
        if (TryParse<T>(text, out var value)) return value;
        throw CliFailure.Usage($"{what} '{text}' is not one of: {string.Join(", ", Choices<T>())}");
    }

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        var wanted = Normalise(text);
        var prefix = Normalise(typeof(T).Name);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Convert.ToInt32(candidate, System.Globalization.CultureInfo.InvariantCulture) == 0) continue;
            var name = Normalise(candidate.ToString());
            if (wanted == name || wanted == prefix + name)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The accepted names, for help texts and errors.</summary>
    public static IEnumerable<string> Choices<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(Display.Name);

    private static string Normalise(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
