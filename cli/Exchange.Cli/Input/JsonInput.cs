using Exchange.Cli.Hosting;
using Google.Protobuf;

namespace Exchange.Cli.Input;

/// <summary>
/// A request read from a JSON file in the protobuf JSON mapping (the form <c>--json</c> prints and
/// the Connect API takes): field names in lowerCamelCase or as in the proto, enums by name.
/// </summary>
public static class JsonInput
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static T Read<T>(string path) where T : IMessage<T>, new()
    {
        if (!File.Exists(path)) throw CliFailure.Usage($"no such file: {path}");
        try
        {
            return Parser.Parse<T>(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            throw CliFailure.Usage($"{path} is not a valid {new T().Descriptor.Name} in JSON: {ex.Message}");
        }
    }
}
