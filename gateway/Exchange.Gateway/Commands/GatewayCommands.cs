using Exchange.Gateway.ApiDocs;

namespace Exchange.Gateway.Commands;

/// <summary>
/// What the gateway's executable does besides serving:
/// <c>keys create|list|rotate|revoke ...</c> on its key store, and
/// <c>--generate-api-docs &lt;file&gt;</c>, which writes the partners' API document.
/// </summary>
public static class GatewayCommands
{
    public const string GenerateApiDocs = "--generate-api-docs";

    public static bool Handles(string[] args) =>
        args.Length > 0 && (args[0] == "keys" || args[0] == GenerateApiDocs);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        try
        {
            if (args[0] == GenerateApiDocs)
            {
                if (args.Length != 2) throw new CommandException($"usage: {GenerateApiDocs} <file>");
                await File.WriteAllTextAsync(args[1], ApiDocument.Render());
                await errors.WriteLineAsync($"wrote {args[1]}");
                return 0;
            }
            return await KeyCommands.RunAsync(new CommandArguments(args.Skip(1)), output, errors);
        }
        catch (CommandException ex)
        {
            await errors.WriteLineAsync($"error: {ex.Message}");
            await errors.WriteLineAsync(KeyCommands.Usage);
            return 2;
        }
        catch (Exchange.Rpc.RpcException ex)
        {
            await errors.WriteLineAsync($"error: {ex.Status.Detail}");
            return 1;
        }
    }
}
