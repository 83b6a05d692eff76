using System.Globalization;
using Exchange.Gateway.Keys;
using Exchange.Gateway.V1;
using Exchange.Identity;

namespace Exchange.Gateway.Commands;

/// <summary>
/// Key management on the gateway's host, without a key: how the first admin key comes to be,
/// and a way in when every admin key is lost. Uses the gateway's configuration (environment,
/// appsettings.json, <c>--Section:Key=value</c>) to find its database.
/// </summary>
public static class KeyCommands
{
    public const string Usage = """
        usage: Exchange.Gateway keys create --organisation <id> --role <implementation-body|overseas-partner|coordinator|admin>
                                            [--organisation-name <name>] [--name <what the key is for>] [--expires-in-days <n>]
               Exchange.Gateway keys list [--organisation <id>] [--all]
               Exchange.Gateway keys rotate <key-id> [--grace-minutes <n>] [--expires-in-days <n>]
               Exchange.Gateway keys revoke <key-id> [--reason <text>]
        create and rotate print the new key alone on standard output; it is not shown again.
        """;

    public static async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter errors)
    {
        var verb = args.Words.FirstOrDefault() ?? throw new CommandException("a keys command needs a verb");
        using var host = KeyStoreHost.Build(args.Configuration);
        await host.StartAsync();
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var administration = scope.ServiceProvider.GetRequiredService<KeyAdministration>();
            var administrator = KeyAdministrator.Operator;
            switch (verb)
            {
                case "create":
                    Reject(args.Unknown("organisation", "role", "organisation-name", "name", "expires-in-days"));
                    var created = await administration.CreateAsync(administrator, new CreateKeyRequest
                    {
                        OrganisationId = args.Required("organisation"),
                        OrganisationName = args.Option("organisation-name") ?? "",
                        Role = ParseRole(args.Required("role")),
                        Name = args.Option("name") ?? "",
                        ExpiresInDays = args.IntOption("expires-in-days"),
                    }, CancellationToken.None);
                    await errors.WriteLineAsync($"Created {Describe(created.Key)}. The key is shown only now:");
                    await output.WriteLineAsync(created.ApiKey);
                    return 0;
                case "list":
                    Reject(args.Unknown("organisation", "all"));
                    var listed = await administration.ListAsync(administrator, new ListKeysRequest
                    {
                        OrganisationId = args.Option("organisation") ?? "",
                        IncludeInactive = args.Option("all") is not null,
                    }, CancellationToken.None);
                    foreach (var key in listed.Keys) await output.WriteLineAsync($"{Describe(key)} [{key.State}] {key.Name}");
                    return 0;
                case "rotate":
                    Reject(args.Unknown("grace-minutes", "expires-in-days"));
                    var rotation = new RotateKeyRequest { KeyId = KeyId(args), ExpiresInDays = args.IntOption("expires-in-days") };
                    if (args.Option("grace-minutes") is not null) rotation.GracePeriodMinutes = args.IntOption("grace-minutes");
                    var rotated = await administration.RotateAsync(administrator, rotation, CancellationToken.None);
                    await errors.WriteLineAsync($"Rotated {Describe(rotated.Key)}. The new key is shown only now:");
                    await output.WriteLineAsync(rotated.ApiKey);
                    return 0;
                case "revoke":
                    Reject(args.Unknown("reason"));
                    var revoked = await administration.RevokeAsync(administrator, new RevokeKeyRequest { KeyId = KeyId(args), Reason = args.Option("reason") ?? "" }, CancellationToken.None);
                    await output.WriteLineAsync($"Revoked {Describe(revoked)}");
                    return 0;
                default:
                    throw new CommandException($"unknown keys command '{verb}'");
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static string KeyId(CommandArguments args) =>
        args.Words.Count == 2 ? args.Words[1] : throw new CommandException("name the key: keys <verb> <key-id>");

    private static V1.Role ParseRole(string text) =>
        ExchangeClaims.TryParseRole(text, out var role)
            ? KeyMapper.ToMessage(role)
            : throw new CommandException($"--role must be implementation-body, overseas-partner, coordinator or admin, not '{text}'");

    private static void Reject(IEnumerable<string> unknown)
    {
        var names = unknown.ToList();
        if (names.Count > 0) throw new CommandException($"unknown option --{names[0]}");
    }

    private static string Describe(V1.ApiKey key) =>
        $"API key {key.Id} of {key.OrganisationId} as {ExchangeClaims.RoleValue(KeyMapper.FromMessage(key.Role) ?? Identity.Role.Admin)}, " +
        $"expires {key.ExpiresAt.ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
