using System.CommandLine;
using Exchange.Claims.V1;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Input;
using Exchange.Cli.Output;

namespace Exchange.Cli.Commands;

/// <summary><c>exchange contracts reconcile</c>: a coordinator contract year, contract by contract.</summary>
public static class ContractCommands
{
    public static Command Build(Actions actions)
    {
        var command = new Command("contracts", "Yearly contracts of the Japan and overseas coordinators projects retain");
        command.Subcommands.Add(Reconcile(actions));
        return command;
    }

    private static Command Reconcile(Actions actions)
    {
        var fiscalYear = new Option<int>("--fiscal-year") { Description = "The fiscal year to reconcile", Required = true };
        var project = new Option<string?>("--project") { Description = "Only this project's contracts (default: every project)" };
        var asOf = new Option<string?>("--as-of") { Description = "Months ending before this date must be invoiced, yyyy-MM-dd (default: today)" };
        var command = new Command("reconcile", "Reconcile the coordinator contracts of a fiscal year: contracted, invoiced, approved, paid, remaining, and what is flagged (coordinators)")
        {
            fiscalYear, project, asOf,
        };
        actions.Set(command, async run =>
        {
            var request = new ReconcileCoordinatorContractsRequest
            {
                FiscalYear = run.Value(fiscalYear),
                ProjectId = run.Value(project) ?? "",
                AsOf = run.Value(asOf) is { } d ? DateText.Parse(d, "--as-of") : null,
            };
            var result = await run.Gateway.Call(Api.Claims.Reconcile, request, run.CancellationToken);
            run.Output.Result(result, () =>
            {
                var table = CommandOutput.Table("contract", "project", "side", "coordinator", "contracted", "invoiced", "approved", "paid", "remaining", "flags");
                foreach (var c in result.Contracts)
                {
                    CommandOutput.Row(table, c.Contract.Id, c.Contract.ProjectId, Display.Name(c.Contract.Side),
                        $"{c.Contract.Coordinator?.Name} ({c.Contract.Coordinator?.Organisation}, {c.Contract.Coordinator?.Country})",
                        Display.Money(c.Contracted), Display.Money(c.Invoiced), Display.Money(c.Approved), Display.Money(c.Paid), Display.Money(c.Remaining),
                        string.Join("\n", c.Flags.Select(f => f.Message)));
                }
                CommandOutput.Row(table, "total", "", "", "", Display.Money(result.Contracted), Display.Money(result.Invoiced), Display.Money(result.Approved),
                    Display.Money(result.Paid), Display.Money(result.Remaining), $"{result.FlaggedContracts} flagged");
                run.Output.Line($"Coordinator contracts of FY{result.FiscalYear}: {result.Contracts.Count}");
                run.Output.Write(table);
            });
        });
        return command;
    }
}
