using System.CommandLine;
using System.Text.Json.Nodes;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Output;
using Exchange.Gateway.V1;

namespace Exchange.Cli.Commands;

/// <summary><c>exchange login</c> and <c>exchange logout</c>: remember a gateway and key, or forget them.</summary>
public static class LoginCommands
{
    public static Command Login(Actions actions)
    {
        var command = new Command("login", "Check an API key at the gateway, show whom it speaks for, and remember it (and the gateway) in the profile, readable by you alone");
        actions.Set(command, async run =>
        {
            var target = run.Target;
            if (string.IsNullOrWhiteSpace(target.ApiKey))
                throw CliFailure.Usage("give the key to remember: exchange login --key <key> [--gateway <url>]");
            // The gateway says who the key speaks for, and so proves it: the call is open to every role.
            var caller = await run.Gateway.Call(Api.Session.GetCaller, new GetCallerRequest(), run.CancellationToken);
            new Profile(target.Address.ToString(), target.ApiKey).Write(run.Environment.ProfilePath);
            var document = new JsonObject
            {
                ["gateway"] = target.Address.ToString(),
                ["profile"] = run.Environment.ProfilePath,
                ["caller"] = JsonNode.Parse(CommandOutput.Format(caller)),
            };
            run.Output.Result(document, () =>
            {
                run.Output.Line($"Logged in to {target.Address} as {Describe(caller)}; the key is kept in {run.Environment.ProfilePath}");
                if (caller.PreviousSecretValidUntil is { } until)
                    run.Output.Note($"This key's secret was replaced by a rotation and stops working at {Display.Time(until)}: log in with the new key.");
            });
        });
        return command;
    }

    public static Command Logout(Actions actions)
    {
        var command = new Command("logout", "Forget the gateway and key remembered by 'exchange login'");
        actions.Set(command, run =>
        {
            var path = run.Environment.ProfilePath;
            var existed = File.Exists(path);
            if (existed) File.Delete(path);
            run.Output.Result(new JsonObject { ["removed"] = existed, ["profile"] = path },
                () => run.Output.Line(existed ? $"Removed {path}" : $"Not logged in ({path} does not exist)"));
            return Task.CompletedTask;
        });
        return command;
    }

    private static string Describe(CallerIdentity caller)
    {
        var organisation = caller.OrganisationName.Length > 0 && caller.OrganisationName != caller.OrganisationId
            ? $"{caller.OrganisationName} ({caller.OrganisationId})"
            : caller.OrganisationId;
        var key = caller.KeyName.Length > 0 ? $"key {caller.KeyId} \"{caller.KeyName}\"" : $"key {caller.KeyId}";
        return $"{organisation}, {Display.Name(caller.Role)} ({key}, expires {Display.Time(caller.ExpiresAt)})";
    }
}
