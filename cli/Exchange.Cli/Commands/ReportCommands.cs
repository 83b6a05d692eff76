using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Exchange.Claims.V1;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Output;
using Exchange.Surveys.V1;

namespace Exchange.Cli.Commands;

/// <summary><c>exchange reports export &lt;report&gt; --out file.csv</c>.</summary>
public static class ReportCommands
{
    public static readonly string[] Reports = ["spending", "programme-totals", "cross-tab", "responses"];

    public static Command Build(Actions actions)
    {
        var command = new Command("reports", "Reports of the programme as CSV files");
        command.Subcommands.Add(Export(actions));
        return command;
    }

    private static Command Export(Actions actions)
    {
        var report = new Argument<string>("report") { Description = "spending (a project's or, for coordinators, the programme's), programme-totals, cross-tab (a survey question by a respondent attribute), responses (every response of rounds, streamed)" };
        report.AcceptOnlyFromAmong(Reports);
        var output = new Option<string>("--out") { Description = "The CSV file to write", Required = true, HelpName = "file.csv" };
        var fiscalYear = new Option<int>("--fiscal-year") { Description = "spending, programme-totals: the fiscal year" };
        var project = new Option<string?>("--project") { Description = "spending: one project (default: the programme)" };
        var round = new Option<string[]>("--round") { Description = "cross-tab, responses: a survey round (repeat for several of one questionnaire)" };
        var question = new Option<string?>("--question") { Description = "cross-tab: the question id (e.g. obstacles)" };
        var by = new Option<string?>("--by") { Description = "cross-tab: the respondent attribute of the columns (sector, bureau, country, ...)", DefaultValueFactory = _ => "sector" };
        var unsubmitted = new Option<bool>("--include-unsubmitted") { Description = "responses: also answers saved but not submitted" };
        var command = new Command("export", "Export a report to a CSV file") { report, output, fiscalYear, project, round, question, by, unsubmitted };
        actions.Set(command, async run =>
        {
            var name = run.Required(report);
            var path = run.Value(output)!;
            int FiscalYear() => run.Value(fiscalYear) is > 0 and var y ? y : throw CliFailure.Usage($"{name} needs --fiscal-year");
            ResponseSelection Selection()
            {
                var rounds = run.Value(round) ?? [];
                if (rounds.Length == 0) throw CliFailure.Usage($"{name} needs --round <round-id>");
                var selection = new ResponseSelection();
                selection.RoundIds.Add(rounds);
                return selection;
            }

            string csv;
            int rows;
            switch (name)
            {
                case "spending":
                    var export = await run.Gateway.Call(Api.Claims.ExportSpendingCsv, new ExportSpendingCsvRequest { FiscalYear = FiscalYear(), ProjectId = run.Value(project) ?? "" }, run.CancellationToken);
                    (csv, rows) = (export.Csv, export.RowCount);
                    break;
                case "programme-totals":
                    var totals = await run.Gateway.Call(Api.Claims.GetProgrammeTotals, new GetProgrammeTotalsRequest { FiscalYear = FiscalYear() }, run.CancellationToken);
                    (csv, rows) = ProgrammeTotalsCsv.Render(totals);
                    break;
                case "cross-tab":
                    var table = await run.Gateway.Call(Api.Surveys.CrossTabulate, new CrossTabulateRequest
                    {
                        Selection = Selection(),
                        QuestionId = run.Value(question) ?? throw CliFailure.Usage("cross-tab needs --question <question-id>"),
                        ByAttribute = run.Value(by) ?? "",
                    }, run.CancellationToken);
                    (csv, rows) = (table.Csv, table.Rows.Count);
                    break;
                default:
                    (csv, rows) = await StreamResponsesAsync(run, new ExportResponsesRequest { Selection = Selection(), IncludeUnsubmitted = run.Value(unsubmitted) });
                    break;
            }
            await File.WriteAllTextAsync(path, csv, new UTF8Encoding(false), run.CancellationToken);
            run.Output.Result(new JsonObject { ["report"] = name, ["file"] = path, ["rows"] = rows, ["bytes"] = Encoding.UTF8.GetByteCount(csv) },
                () => run.Output.Line($"Wrote {name} to {path}: {rows} rows"));
        });
        return command;
    }

    /// <summary>The responses arrive in pieces; the progress counts what has arrived.</summary>
    private static Task<(string Csv, int Rows)> StreamResponsesAsync(Invocation run, ExportResponsesRequest request) =>
        ProgressDisplay.RunAsync(run.Output, "Exporting responses", null, async step =>
        {
            var text = new StringBuilder();
            var lines = 0;
            using var call = run.Gateway.Stream(Api.Surveys.ExportResponses, request, run.CancellationToken);
            await foreach (var chunk in call.ReadAllAsync(run.CancellationToken))
            {
                text.Append(chunk.Text);
                lines += chunk.Text.Count(c => c == '\n');
                step(1, $"({lines} lines, {text.Length / 1024} KiB)");
            }
            var csv = text.ToString();
            return (csv, csv.Length == 0 ? 0 : Input.CsvFile.Parse("the export", csv).Rows.Count);
        });
}
