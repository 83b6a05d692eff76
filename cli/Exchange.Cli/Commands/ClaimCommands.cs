using System.CommandLine;
using Exchange.Claims.V1;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Input;
using Exchange.Common.V1;

namespace Exchange.Cli.Commands;

/// <summary><c>exchange claims list|show|submit|approve|pay</c>.</summary>
public static class ClaimCommands
{
    public static Command Build(Actions actions)
    {
        var command = new Command("claims", "Cost claims: drafts open when an activity is completed; submit them, approve and pay them");
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Show(actions));
        command.Subcommands.Add(Submit(actions));
        command.Subcommands.Add(Approve(actions));
        command.Subcommands.Add(Pay(actions));
        return command;
    }

    private static Command List(Actions actions)
    {
        var project = new Option<string?>("--project") { Description = "Only this project's claims" };
        var fiscalYear = new Option<int>("--fiscal-year") { Description = "Only this fiscal year" };
        var status = new Option<string?>("--status") { Description = $"Only claims in this state: {string.Join(", ", EnumText.Choices<ClaimStatus>())}" };
        var activity = new Option<string?>("--activity") { Description = "Only the claim of this activity" };
        var flagged = new Option<bool>("--flagged") { Description = "Only claims flagged as possible duplicates" };
        var command = new Command("list", "List claims") { project, fiscalYear, status, activity, flagged };
        actions.Set(command, async run =>
        {
            var request = new ListClaimsRequest
            {
                ProjectId = run.Value(project) ?? "",
                FiscalYear = run.Value(fiscalYear),
                Status = run.Value(status) is { } s ? EnumText.Parse<ClaimStatus>(s, "--status") : ClaimStatus.Unspecified,
                ActivityId = run.Value(activity) ?? "",
                FlaggedOnly = run.Value(flagged),
                Page = new PageRequest { PageSize = 500 },
            };
            var response = await run.Gateway.Call(Api.Claims.List, request, run.CancellationToken);
            run.Output.Result(response, () =>
            {
                run.Output.Write(ClaimViews.List(response.Claims));
                run.Output.Line($"{response.Claims.Count} of {response.TotalCount} claims");
            });
        });
        return command;
    }

    private static Command Show(Actions actions)
    {
        var id = new Argument<string>("claim-id") { Description = "The claim's id" };
        var command = new Command("show", "Show a claim: its lines, funded people, violations and payment") { id };
        actions.Set(command, async run =>
        {
            var claim = await run.Gateway.Call(Api.Claims.Get, new GetClaimRequest { ClaimId = run.Required(id) }, run.CancellationToken);
            run.Output.Result(claim, () => Describe(run, claim));
        });
        return command;
    }

    private static Command Submit(Actions actions)
    {
        var id = new Argument<string>("claim-id") { Description = "The claim's id (claims list --status draft)" };
        var lines = new Option<string?>("--lines") { Description = "The lines to save first: CSV (category,description,amount,currency,value_date,person,attachment_id,sha256,receipt_file) or a JSON array of ClaimLine", HelpName = "lines.csv" };
        var requestId = new Option<string?>("--request-id") { Description = "Makes submitting idempotent (default: a new id)" };
        var command = new Command("submit", "Save the lines of a draft or returned claim and submit it; every broken rule is listed and nothing is submitted") { id, lines, requestId };
        actions.Set(command, async run =>
        {
            var given = run.Value(lines) is { } path ? ClaimLinesFile.Read(path) : null;
            var claim = await ClaimWorkflow.SubmitAsync(run.Gateway, run.Required(id), given, run.Value(requestId) ?? Guid.NewGuid().ToString("N"), run.CancellationToken);
            run.Output.Result(claim, () => Describe(run, claim));
        });
        return command;
    }

    private static Command Approve(Actions actions)
    {
        var id = new Argument<string>("claim-id") { Description = "The claim's id" };
        var sanction = new Option<string[]>("--sanction") { Description = "Pay less for a line: line-id=yen:reason (repeat); other lines are paid in full" };
        var note = new Option<string?>("--note") { Description = "A note with the approval" };
        var command = new Command("approve", "Review and approve a submitted claim (coordinators)") { id, sanction, note };
        actions.Set(command, async run =>
        {
            var sanctions = (run.Value(sanction) ?? []).Select(Sanction).ToList();
            var claim = await ClaimWorkflow.ApproveAsync(run.Gateway, run.Required(id), sanctions, run.Value(note) ?? "", run.CancellationToken);
            run.Output.Result(claim, () => run.Output.Line(ClaimViews.Headline(claim)));
        });
        return command;
    }

    private static Command Pay(Actions actions)
    {
        var id = new Argument<string>("claim-id") { Description = "The claim's id" };
        var paymentId = new Option<string>("--payment-id") { Description = "The payer's id of the payment; paying again with it changes nothing", Required = true };
        var paidOn = new Option<string?>("--paid-on") { Description = "The payment date, yyyy-MM-dd (default: today)" };
        var reference = new Option<string?>("--reference") { Description = "The bank or accounting reference" };
        var command = new Command("pay", "Pay an approved claim its sanctioned total, once (coordinators)") { id, paymentId, paidOn, reference };
        actions.Set(command, async run =>
        {
            var date = run.Value(paidOn) is { } d ? DateText.Parse(d, "--paid-on") : DateText.Today();
            var claim = await ClaimWorkflow.PayAsync(run.Gateway, run.Required(id), run.Value(paymentId)!, date, run.Value(reference) ?? "", run.CancellationToken);
            run.Output.Result(claim, () => run.Output.Line(ClaimViews.Headline(claim)));
        });
        return command;
    }

    private static void Describe(Invocation run, Claim claim)
    {
        run.Output.Line(ClaimViews.Headline(claim));
        if (claim.FundedPeople.Count > 0) run.Output.Write(ClaimViews.People(claim));
        if (claim.Lines.Count > 0) run.Output.Write(ClaimViews.Lines(claim));
        foreach (var violation in ClaimViews.Violations(claim)) run.Output.Line($"  violation: {violation}");
        foreach (var flag in claim.Duplicates) run.Output.Line($"  possible duplicate: {flag.Message}");
    }

    private static LineSanction Sanction(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0) throw CliFailure.Usage($"--sanction '{text}' is not line-id=yen:reason");
        var rest = text[(equals + 1)..];
        var colon = rest.IndexOf(':');
        return new LineSanction
        {
            LineId = text[..equals].Trim(),
            Sanctioned = new Money { Amount = (colon < 0 ? rest : rest[..colon]).Trim(), Currency = "JPY" },
            Reason = colon < 0 ? "" : rest[(colon + 1)..].Trim(),
        };
    }
}
