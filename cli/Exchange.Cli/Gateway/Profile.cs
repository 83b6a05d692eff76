using System.Text.Json;
using System.Text.Json.Serialization;
using Exchange.Cli.Hosting;

namespace Exchange.Cli.Gateway;

/// <summary>What <c>exchange login</c> remembers: the gateway and the API key, in a file only its owner reads.</summary>
public sealed record Profile(
    [property: JsonPropertyName("gateway")] string? Gateway,
    [property: JsonPropertyName("apiKey")] string? ApiKey)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static Profile? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<Profile>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw CliFailure.Usage($"the profile {path} is not readable ({ex.Message}); run 'exchange login' again or delete it");
        }
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Created empty with owner-only rights before the key goes in.
        using (File.Create(path)) { }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Options));
    }
}
