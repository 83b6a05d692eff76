using System.CommandLine;
using System.Text.Json.Nodes;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Projects.V1;

namespace Exchange.Cli.Commands;

/// <summary><c>exchange login</c> and <c>exchange logout</c>: remember a gateway and key, or forget them.</summary>
public static class LoginCommands
{
    public static Command Login(Actions actions)
    {
        var command = new Command("login", "Check an API key at the gateway and remember it (and the gateway) in the profile, readable by you alone");
        actions.Set(command, async run =>
        {
            var target = run.Target;
            if (string.IsNullOrWhiteSpace(target.ApiKey))
                throw CliFailure.Usage("give the key to remember: exchange login --key <key> [--gateway <url>]");
            // Any call proves the key; listing one project is allowed to every role.
            await run.Gateway.Call(Api.Projects.List, new ListProjectsRequest { Page = new Common.V1.PageRequest { PageSize = 1 } }, run.CancellationToken);
            new Profile(target.Address.ToString(), target.ApiKey).Write(run.Environment.ProfilePath);
            run.Output.Result(new JsonObject { ["gateway"] = target.Address.ToString(), ["profile"] = run.Environment.ProfilePath },
                () => run.Output.Line($"Logged in to {target.Address}; the key is kept in {run.Environment.ProfilePath}"));
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
}
