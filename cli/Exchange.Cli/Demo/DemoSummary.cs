using System.Text.Json.Nodes;
using Exchange.Claims.V1;
using Exchange.Cli.Output;
using Exchange.Missions.V1;
using Spectre.Console;

namespace Exchange.Cli.Demo;

/// <summary>What the demo data holds after a load, for people and for scripts.</summary>
public sealed class DemoSummary
{
    public List<DemoKeys.KeptKey> Keys { get; set; } = [];

    public int Projects { get; set; }

    public List<(string Title, ActivityStatus Status)> Activities { get; } = [];

    public List<(string Activity, string ClaimId, ClaimStatus Status)> Claims { get; } = [];

    public List<(string Coordinator, string ContractId, int Invoices)> Contracts { get; } = [];

    public (string Id, string ResponseRate) Round { get; set; }

    public JsonObject ToJson() => new()
    {
        ["projects"] = Projects,
        ["activities"] = new JsonArray([.. Activities.Select(a => (JsonNode)new JsonObject { ["title"] = a.Title, ["status"] = Display.Name(a.Status) })]),
        ["claims"] = new JsonArray([.. Claims.Select(c => (JsonNode)new JsonObject { ["activity"] = c.Activity, ["claimId"] = c.ClaimId, ["status"] = Display.Name(c.Status) })]),
        ["contracts"] = new JsonArray([.. Contracts.Select(c => (JsonNode)new JsonObject { ["coordinator"] = c.Coordinator, ["contractId"] = c.ContractId, ["invoices"] = c.Invoices })]),
        ["surveyRound"] = new JsonObject { ["id"] = Round.Id, ["responseRate"] = Round.ResponseRate },
        ["keys"] = new JsonArray([.. Keys.Select(k => (JsonNode)new JsonObject { ["role"] = k.Role, ["organisation"] = k.Organisation, ["keyId"] = k.KeyId })]),
    };

    public Table ToTable()
    {
        var table = CommandOutput.Table("demo data", "state");
        CommandOutput.Row(table, "projects used", Projects.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (title, status) in Activities) CommandOutput.Row(table, $"activity: {title}", Display.Name(status));
        foreach (var (activity, id, status) in Claims) CommandOutput.Row(table, $"claim {id} ({activity})", Display.Name(status));
        foreach (var (coordinator, id, invoices) in Contracts) CommandOutput.Row(table, $"coordinator contract {id} ({coordinator})", $"{invoices} invoices");
        CommandOutput.Row(table, $"survey round {Round.Id}", Round.ResponseRate);
        foreach (var key in Keys) CommandOutput.Row(table, $"{key.Role} key ({key.Organisation})", key.KeyId);
        return table;
    }
}
