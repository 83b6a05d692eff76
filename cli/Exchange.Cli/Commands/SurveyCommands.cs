using System.CommandLine;
using System.Text.Json.Nodes;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Input;
using Exchange.Cli.Output;
using Exchange.Rpc;
using Exchange.Surveys.V1;
using Google.Rpc;

namespace Exchange.Cli.Commands;

/// <summary><c>exchange surveys open-round|import-responses|rounds</c>.</summary>
public static class SurveyCommands
{
    public static Command Build(Actions actions)
    {
        var command = new Command("surveys", "Success-factor and cluster-evaluation survey rounds: open a round, import responses, list rounds");
        command.Subcommands.Add(OpenRound(actions));
        command.Subcommands.Add(ImportResponses(actions));
        command.Subcommands.Add(Rounds(actions));
        return command;
    }

    private static Command OpenRound(Actions actions)
    {
        var questionnaire = new Option<string>("--questionnaire") { Description = "The questionnaire's id", DefaultValueFactory = _ => "success-factor" };
        var version = new Option<int>("--questionnaire-version") { Description = "Its version (default: the latest)" };
        var title = new Option<string>("--title") { Description = "The round's title: \"Success factors FY2008\"", Required = true };
        var fiscalYear = new Option<int>("--fiscal-year") { Description = "The fiscal year the round surveys", Required = true };
        var project = new Option<string[]>("--project") { Description = "A project whose domestic implementation body is asked (repeat)" };
        var respondents = new Option<string?>("--respondents") { Description = "Named respondents instead: CSV with project_id,name,organisation_id,organisation_name,role,contact", HelpName = "respondents.csv" };
        var respondBy = new Option<string?>("--respond-by") { Description = "Answers are due by this date, yyyy-MM-dd" };
        var requestId = new Option<string?>("--request-id") { Description = "Makes opening idempotent: the same id opens one round (tokens are shown the first time only)" };
        var tokensOut = new Option<string?>("--tokens-out") { Description = "Write the invitations with their tokens to this CSV file: they are shown only once", HelpName = "invitations.csv" };
        var command = new Command("open-round", "Open a survey round: every respondent gets an invitation token at once (coordinators)")
        {
            questionnaire, version, title, fiscalYear, project, respondents, respondBy, requestId, tokensOut,
        };
        actions.Set(command, async run =>
        {
            var request = new CreateSurveyRoundRequest
            {
                RequestId = run.Value(requestId) ?? Guid.NewGuid().ToString("N"),
                Title = new LocalizedText { En = run.Value(title)! },
                QuestionnaireId = run.Value(questionnaire)!,
                QuestionnaireVersion = run.Value(version),
                FiscalYear = run.Value(fiscalYear),
                RespondBy = run.Value(respondBy) is { } d ? DateText.Parse(d, "--respond-by") : null,
            };
            var targets = new Dictionary<string, ProjectTarget>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in run.Value(project) ?? []) targets.TryAdd(id, new ProjectTarget { ProjectId = id });
            if (run.Value(respondents) is { } path)
            {
                var csv = CsvFile.Read(path);
                csv.Require("project_id", "name");
                foreach (var row in csv.Rows)
                {
                    if (!targets.TryGetValue(row["project_id"], out var target)) targets[row["project_id"]] = target = new ProjectTarget { ProjectId = row["project_id"] };
                    target.Respondents.Add(new Respondent
                    {
                        Name = row["name"], OrganisationId = row["organisation_id"], OrganisationName = row["organisation_name"], Role = row["role"], Contact = row["contact"],
                    });
                }
            }
            if (targets.Count == 0) throw CliFailure.Usage("name the projects to survey: --project <id> (repeat) or --respondents <file>");
            request.Projects.Add(targets.Values);

            var response = await run.Gateway.Call(Api.Surveys.CreateRound, request, run.CancellationToken);
            if (run.Value(tokensOut) is { } tokensPath && response.Invitations.Count > 0)
            {
                await File.WriteAllTextAsync(tokensPath, CsvText.Table(
                    ["invitation_id", "project_id", "respondent", "organisation_id", "role", "token"],
                    response.Invitations.Select(i => new[] { i.Invitation.Id, i.Invitation.ProjectId, i.Invitation.Respondent?.Name, i.Invitation.Respondent?.OrganisationId, i.Invitation.Respondent?.Role, i.Token })),
                    run.CancellationToken);
            }
            run.Output.Result(response, () =>
            {
                var round = response.Round;
                run.Output.Line($"Round {round.Id}: {round.Title?.En} ({round.QuestionnaireId} v{round.QuestionnaireVersion}, FY{round.FiscalYear}) is {Display.Name(round.Status)}; {round.ResponseRate?.Line}");
                if (response.Invitations.Count == 0)
                {
                    run.Output.Note("This round was opened before with the same --request-id: its tokens were shown then and are not shown again.");
                    return;
                }
                var table = CommandOutput.Table("invitation", "project", "respondent", "role", "token");
                foreach (var i in response.Invitations) CommandOutput.Row(table, i.Invitation.Id, i.Invitation.ProjectId, i.Invitation.Respondent?.Name, i.Invitation.Respondent?.Role, i.Token);
                run.Output.Write(table);
                run.Output.Note(run.Value(tokensOut) is { } written
                    ? $"The tokens are in {written}; add one column per question id and import it with 'exchange surveys import-responses --round {round.Id} --file <file>'."
                    : "Keep the tokens: they are shown only now (--tokens-out writes them to a file).");
            });
        });
        return command;
    }

    private static Command ImportResponses(Actions actions)
    {
        var file = new Option<string>("--file") { Description = "Responses CSV: a token column and one column per question id", Required = true, HelpName = "responses.csv" };
        var round = new Option<string>("--round") { Description = "The round the tokens belong to", Required = true };
        var command = new Command("import-responses", "Submit responses collected elsewhere (paper, e-mail) from a CSV file, with a progress bar; rows already submitted with the same answers are accepted again")
        {
            file, round,
        };
        actions.Set(command, async run =>
        {
            var surveyRound = await run.Gateway.Call(Api.Surveys.GetRound, new GetSurveyRoundRequest { RoundId = run.Value(round)! }, run.CancellationToken);
            var questionnaire = await run.Gateway.Call(Api.Surveys.GetQuestionnaire,
                new GetQuestionnaireRequest { QuestionnaireId = surveyRound.QuestionnaireId, Version = surveyRound.QuestionnaireVersion }, run.CancellationToken);
            var responses = ResponsesFile.Read(run.Value(file)!, questionnaire);

            var failures = new List<(ResponseRow Row, RpcException Error)>();
            var submitted = await ProgressDisplay.RunAsync(run.Output, "Importing responses", responses.Rows.Count, async step =>
            {
                var count = 0;
                foreach (var row in responses.Rows)
                {
                    try
                    {
                        var submit = new SubmitResponseRequest { Token = row.Token };
                        submit.Answers.Add(row.Answers);
                        await run.Gateway.Call(Api.Surveys.SubmitResponse, submit, run.CancellationToken);
                        count++;
                    }
                    catch (RpcException error) when (error.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound)
                    {
                        failures.Add((row, error));
                    }
                    step(1, null);
                }
                return count;
            });

            var problems = failures.Select(f => $"line {f.Row.Line}: {StatusNames.Grpc(f.Error.StatusCode)}: " + Describe(f.Error)).ToList();
            var rate = (await run.Gateway.Call(Api.Surveys.GetRound, new GetSurveyRoundRequest { RoundId = surveyRound.Id }, run.CancellationToken)).ResponseRate;
            var summary = new JsonObject
            {
                ["round"] = surveyRound.Id,
                ["rows"] = responses.Rows.Count,
                ["submitted"] = submitted,
                ["failed"] = new JsonArray([.. failures.Select(f => (JsonNode)new JsonObject
                {
                    ["line"] = f.Row.Line,
                    ["code"] = StatusNames.Connect(f.Error.StatusCode),
                    ["message"] = Describe(f.Error),
                })]),
                ["responseRate"] = rate?.Line,
            };
            run.Output.Result(summary, () => run.Output.Line($"Imported {submitted} of {responses.Rows.Count} responses into round {surveyRound.Id}; response rate now {rate?.Line}"));
            if (failures.Count > 0)
                throw new CliFailure($"{failures.Count} of {responses.Rows.Count} responses were refused", ExitCodes.For(failures[0].Error.StatusCode), problems);
        });
        return command;
    }

    private static Command Rounds(Actions actions)
    {
        var questionnaire = new Option<string?>("--questionnaire") { Description = "Only rounds of this questionnaire" };
        var project = new Option<string?>("--project") { Description = "Only rounds that target this project" };
        var command = new Command("rounds", "List survey rounds with their response rates (coordinators)") { questionnaire, project };
        actions.Set(command, async run =>
        {
            var response = await run.Gateway.Call(Api.Surveys.ListRounds, new ListSurveyRoundsRequest
            {
                QuestionnaireId = run.Value(questionnaire) ?? "",
                ProjectId = run.Value(project) ?? "",
                Page = new Common.V1.PageRequest { PageSize = 500 },
            }, run.CancellationToken);
            run.Output.Result(response, () =>
            {
                var table = CommandOutput.Table("round", "title", "questionnaire", "FY", "status", "response rate");
                foreach (var r in response.Rounds)
                    CommandOutput.Row(table, r.Id, r.Title?.En, $"{r.QuestionnaireId} v{r.QuestionnaireVersion}", r.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), Display.Name(r.Status), r.ResponseRate?.Line);
                run.Output.Write(table);
            });
        });
        return command;
    }

    private static string Describe(RpcException error)
    {
        var fields = error.Detail<BadRequest>()?.FieldViolations.Select(v => $"{v.Field}: {v.Description}").ToList() ?? [];
        var rules = error.Detail<PreconditionFailure>()?.Violations.Select(v => $"{v.Subject}: {v.Description}").ToList() ?? [];
        return fields.Count + rules.Count > 0 ? string.Join("; ", fields.Concat(rules)) : error.Status.Detail;
    }
}
