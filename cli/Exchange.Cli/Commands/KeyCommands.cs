using System.CommandLine;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Input;
using Exchange.Cli.Output;
using Exchange.Gateway.V1;

namespace Exchange.Cli.Commands;

/// <summary>
/// <c>exchange keys create|list|rotate|revoke</c>: the gateway's admin API. Admins manage every key;
/// coordinators those of implementation bodies and overseas partners.
/// </summary>
public static class KeyCommands
{
    public static Command Build(Actions actions)
    {
        var command = new Command("keys", "API keys of the gateway: create, list, rotate, revoke (admins; coordinators for implementation bodies and partners)");
        command.Subcommands.Add(Create(actions));
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Rotate(actions));
        command.Subcommands.Add(Revoke(actions));
        return command;
    }

    private static Command Create(Actions actions)
    {
        var organisation = new Option<string>("--organisation") { Description = "The organisation's id, as recorded on projects: jena-city", Required = true };
        var role = new Option<string>("--role") { Description = "implementation-body, overseas-partner, coordinator or admin", Required = true };
        var organisationName = new Option<string?>("--organisation-name") { Description = "Its display name (default: the id)" };
        var name = new Option<string?>("--name") { Description = "What the key is for: \"Jena partner portal\"" };
        var expires = new Option<int>("--expires-in-days") { Description = "Lifetime in days (default: the gateway's, 90 unless configured)" };
        var command = new Command("create", "Create a key; the key itself is shown only now") { organisation, role, organisationName, name, expires };
        actions.Set(command, async run =>
        {
            var created = await run.Gateway.Call(Api.Keys.Create, new CreateKeyRequest
            {
                OrganisationId = run.Value(organisation)!,
                Role = EnumText.Parse<Role>(run.Value(role)!, "--role"),
                OrganisationName = run.Value(organisationName) ?? "",
                Name = run.Value(name) ?? "",
                ExpiresInDays = run.Value(expires),
            }, run.CancellationToken);
            run.Output.Result(created, () =>
            {
                run.Output.Note($"Created {Describe(created.Key)}. The key is shown only now:");
                run.Output.Line(created.ApiKey);
            });
        });
        return command;
    }

    private static Command List(Actions actions)
    {
        var organisation = new Option<string?>("--organisation") { Description = "Only this organisation's keys" };
        var all = new Option<bool>("--all") { Description = "Also expired and revoked keys" };
        var command = new Command("list", "List the keys the caller may manage (never their secrets)") { organisation, all };
        actions.Set(command, async run =>
        {
            var listed = await run.Gateway.Call(Api.Keys.List, new ListKeysRequest { OrganisationId = run.Value(organisation) ?? "", IncludeInactive = run.Value(all) }, run.CancellationToken);
            run.Output.Result(listed, () =>
            {
                var table = CommandOutput.Table("key", "organisation", "role", "name", "state", "created", "expires");
                foreach (var k in listed.Keys)
                    CommandOutput.Row(table, k.Id, k.OrganisationId, Display.Name(k.Role), k.Name, Display.Name(k.State), Display.Time(k.CreatedAt), Display.Time(k.ExpiresAt));
                run.Output.Write(table);
            });
        });
        return command;
    }

    private static Command Rotate(Actions actions)
    {
        var id = new Argument<string>("key-id") { Description = "The key's id (the middle part of exk_<id>_<secret>)" };
        var grace = new Option<int?>("--grace-minutes") { Description = "How long the old secret keeps working (default 24 hours; 0: not at all)" };
        var expires = new Option<int>("--expires-in-days") { Description = "A new lifetime from now (default: keep the expiry)" };
        var command = new Command("rotate", "Give a key a new secret; the new key is shown only now") { id, grace, expires };
        actions.Set(command, async run =>
        {
            var request = new RotateKeyRequest { KeyId = run.Required(id), ExpiresInDays = run.Value(expires) };
            if (run.Value(grace) is { } minutes) request.GracePeriodMinutes = minutes;
            var rotated = await run.Gateway.Call(Api.Keys.Rotate, request, run.CancellationToken);
            run.Output.Result(rotated, () =>
            {
                run.Output.Note($"Rotated {Describe(rotated.Key)}. The new key is shown only now:");
                run.Output.Line(rotated.ApiKey);
            });
        });
        return command;
    }

    private static Command Revoke(Actions actions)
    {
        var id = new Argument<string>("key-id") { Description = "The key's id" };
        var reason = new Option<string?>("--reason") { Description = "Why (kept with the key)" };
        var command = new Command("revoke", "End a key at once, old and new secret") { id, reason };
        actions.Set(command, async run =>
        {
            var revoked = await run.Gateway.Call(Api.Keys.Revoke, new RevokeKeyRequest { KeyId = run.Required(id), Reason = run.Value(reason) ?? "" }, run.CancellationToken);
            run.Output.Result(revoked, () => run.Output.Line($"Revoked {Describe(revoked)}"));
        });
        return command;
    }

    private static string Describe(ApiKey key) =>
        $"API key {key.Id} of {key.OrganisationId} as {Display.Name(key.Role)}, expires {Display.Time(key.ExpiresAt)}";
}
