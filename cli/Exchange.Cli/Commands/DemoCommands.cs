using System.CommandLine;
using System.Text.Json.Nodes;
using Exchange.Cli.Demo;
using Exchange.Cli.Hosting;

namespace Exchange.Cli.Commands;

/// <summary><c>exchange demo load|keys</c>: the demo data beyond the projects, and its API keys.</summary>
public static class DemoCommands
{
    public const string DefaultKeysFile = "demo-keys.json";

    public static Command Build(Actions actions)
    {
        var command = new Command("demo", "Demo data: activities, claims, a coordinator contract year and a survey round on the real demo projects");
        command.Subcommands.Add(Load(actions));
        command.Subcommands.Add(Keys(actions));
        return command;
    }

    private static Option<string> KeysFile() => new("--keys-file")
    {
        Description = "Where the demo API keys are kept (readable by you alone); a later load reuses them",
        DefaultValueFactory = _ => DefaultKeysFile,
        HelpName = "file",
    };

    private static Command Load(Actions actions)
    {
        var keysFile = KeysFile();
        var command = new Command("load", "Load the demo data through the API with an admin key; loading again changes nothing") { keysFile };
        actions.Set(command, async run =>
        {
            using var load = new DemoLoad(run.Target.Address, run.Output.Note, run.CancellationToken);
            await load.RunAsync(run.Gateway, run.Value(keysFile)!);
            run.Output.Result(load.Summary.ToJson(), () =>
            {
                run.Output.Write(load.Summary.ToTable());
                run.Output.Note($"The demo keys are in {run.Value(keysFile)}: 'exchange demo keys' shows them.");
            });
        });
        return command;
    }

    private static Command Keys(Actions actions)
    {
        var keysFile = KeysFile();
        var role = new Option<string?>("--role") { Description = "Only this role's key, alone on a line: coordinator, implementation-body, overseas-partner" };
        var command = new Command("keys", "Show the demo API keys kept by 'demo load'") { keysFile, role };
        actions.Set(command, run =>
        {
            var keys = DemoKeys.Read(run.Value(keysFile)!);
            if (keys.Count == 0) throw new CliFailure($"no demo keys in {run.Value(keysFile)}: run 'exchange demo load' first", ExitCodes.NotFound);
            if (run.Value(role) is { } wanted)
            {
                var key = keys.FirstOrDefault(k => k.Role == wanted) ?? throw new CliFailure($"no demo key for the role '{wanted}' in {run.Value(keysFile)}", ExitCodes.NotFound);
                run.Output.Result(JsonValue.Create(key.ApiKey)!, () => run.Output.Line(key.ApiKey));
                return Task.CompletedTask;
            }
            run.Output.Result(new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject { ["role"] = k.Role, ["organisation"] = k.Organisation, ["keyId"] = k.KeyId, ["apiKey"] = k.ApiKey })]), () =>
            {
                var holders = DemoKeys.Holders.ToDictionary(h => h.Role);
                var table = Output.CommandOutput.Table("role", "organisation", "what it may do", "API key");
                foreach (var k in keys) Output.CommandOutput.Row(table, k.Role, k.Organisation, holders.TryGetValue(k.Role, out var h) ? h.Description : "", k.ApiKey);
                run.Output.Write(table);
            });
            return Task.CompletedTask;
        });
        return command;
    }
}
