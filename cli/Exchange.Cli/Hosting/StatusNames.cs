using System.Text;
using Exchange.Rpc;

namespace Exchange.Cli.Hosting;

/// <summary>Status codes as gRPC prints them (INVALID_ARGUMENT) and as Connect writes them (invalid_argument).</summary>
public static class StatusNames
{
    public static string Grpc(StatusCode code) => code == StatusCode.OK ? "OK" : Snake(code.ToString()).ToUpperInvariant();

    public static string Connect(StatusCode code) => code switch
    {
        StatusCode.OK => "ok",
        StatusCode.Cancelled => "canceled",
        _ => Snake(code.ToString()),
    };

    private static string Snake(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
