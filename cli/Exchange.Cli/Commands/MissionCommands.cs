using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Input;
using Exchange.Common.V1;
using Exchange.Missions.V1;
using Google.Protobuf;

namespace Exchange.Cli.Commands;

/// <summary><c>exchange missions log|list|show</c>: the exchange activities of projects.</summary>
public static class MissionCommands
{
    public static Command Build(Actions actions)
    {
        var command = new Command("missions", "Missions, invitations and the other exchange activities of projects: log, list, show");
        command.Subcommands.Add(Log(actions));
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Show(actions));
        return command;
    }

    private static Command Log(Actions actions)
    {
        var file = new Option<string?>("--file") { Description = "The activity in JSON: {\"activity\": <PlanActivityRequest>, \"roster\": [<PersonInput>, ...]}", HelpName = "activity.json" };
        var project = new Option<string?>("--project") { Description = "The project's id" };
        var tool = new Option<string?>("--tool") { Description = $"The support tool: {string.Join(", ", EnumText.Choices<SupportTool>())}" };
        var title = new Option<string?>("--title") { Description = "What the activity is: \"Mission of Suwa companies to Dalian\"" };
        var purpose = new Option<string?>("--purpose") { Description = "Why it is held" };
        var start = new Option<string?>("--start") { Description = "First day, yyyy-MM-dd" };
        var end = new Option<string?>("--end") { Description = "Last day, yyyy-MM-dd" };
        var fiscalYear = new Option<int>("--fiscal-year") { Description = "The fiscal year it belongs to (default: that of --start)" };
        var place = new Option<string[]>("--place") { Description = "A place as name,country: \"Dalian,CN\" (repeat for several)" };
        var roster = new Option<string?>("--roster") { Description = "The people: CSV (name,organisation,organisation_id,country,kind,role,funding) or a JSON array of PersonInput", HelpName = "roster.csv" };
        var requestId = new Option<string?>("--request-id") { Description = "Makes logging idempotent: the same id logs one activity, and people already on its roster are not added again (default: a new id)" };
        var confirm = new Option<bool>("--confirm") { Description = "Confirm the activity once logged" };
        var complete = new Option<bool>("--complete") { Description = "Confirm and complete it: the record claims are made from" };
        var command = new Command("log", "Log an activity with its roster, then confirm or complete it")
        {
            file, project, tool, title, purpose, start, end, fiscalYear, place, roster, requestId, confirm, complete,
        };
        actions.Set(command, async run =>
        {
            PlanActivityRequest plan;
            List<PersonInput> people = [];
            if (run.Value(file) is { } path)
            {
                (plan, people) = ReadActivity(path);
            }
            else
            {
                plan = new PlanActivityRequest
                {
                    ProjectId = run.Value(project) ?? throw CliFailure.Usage("--project is required (or --file)"),
                    SupportTool = EnumText.Parse<SupportTool>(run.Value(tool) ?? throw CliFailure.Usage("--tool is required (or --file)"), "--tool"),
                    Title = run.Value(title) ?? "",
                    Purpose = run.Value(purpose) ?? "",
                    StartDate = run.Value(start) is { } s ? DateText.Parse(s, "--start") : null,
                    EndDate = run.Value(end) is { } e ? DateText.Parse(e, "--end") : null,
                    FiscalYear = run.Value(fiscalYear),
                };
                plan.Places.Add((run.Value(place) ?? []).Select(Place));
            }
            if (run.Value(roster) is { } rosterPath) people.AddRange(RosterFile.Read(rosterPath));
            if (run.Value(requestId) is { } id) plan.RequestId = id;
            if (plan.RequestId.Length == 0) plan.RequestId = Guid.NewGuid().ToString("N");

            var goal = run.Value(complete) ? ActivityStatus.Completed : run.Value(confirm) ? ActivityStatus.Confirmed : ActivityStatus.Planned;
            var activity = await ActivityLog.LogAsync(run.Gateway, plan, people, goal, run.CancellationToken, step => run.Output.Note($"  {step}"));
            run.Output.Result(activity, () =>
            {
                run.Output.Line(MissionViews.Headline(activity));
                if (activity.Roster.Count > 0) run.Output.Write(MissionViews.Roster(activity));
                run.Output.Note($"Logging again with --request-id {plan.RequestId} changes nothing.");
            });
        });
        return command;
    }

    private static Command List(Actions actions)
    {
        var project = new Option<string?>("--project") { Description = "Only this project's activities" };
        var fiscalYear = new Option<int>("--fiscal-year") { Description = "Only this fiscal year" };
        var status = new Option<string?>("--status") { Description = "planned, confirmed, completed or cancelled" };
        var command = new Command("list", "List activities") { project, fiscalYear, status };
        actions.Set(command, async run =>
        {
            var request = new ListActivitiesRequest
            {
                ProjectId = run.Value(project) ?? "",
                FiscalYear = run.Value(fiscalYear),
                Status = run.Value(status) is { } s ? EnumText.Parse<ActivityStatus>(s, "--status") : ActivityStatus.Unspecified,
                Page = new PageRequest { PageSize = 500 },
            };
            var response = await run.Gateway.Call(Api.Missions.List, request, run.CancellationToken);
            run.Output.Result(response, () =>
            {
                run.Output.Write(MissionViews.List(response.Activities));
                run.Output.Line($"{response.Activities.Count} of {response.TotalCount} activities");
            });
        });
        return command;
    }

    private static Command Show(Actions actions)
    {
        var id = new Argument<string>("activity-id") { Description = "The activity's id" };
        var command = new Command("show", "Show an activity with its roster") { id };
        actions.Set(command, async run =>
        {
            var activity = await run.Gateway.Call(Api.Missions.Get, new GetActivityRequest { ActivityId = run.Required(id) }, run.CancellationToken);
            run.Output.Result(activity, () =>
            {
                run.Output.Line(MissionViews.Headline(activity));
                run.Output.Write(MissionViews.Roster(activity));
            });
        });
        return command;
    }

    private static (PlanActivityRequest Plan, List<PersonInput> Roster) ReadActivity(string path)
    {
        if (!File.Exists(path)) throw CliFailure.Usage($"no such file: {path}");
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject document || document["activity"] is not JsonObject activity)
                throw CliFailure.Usage($"{path} must be a JSON object with \"activity\" (and optionally \"roster\")");
            var plan = JsonParser.Default.Parse<PlanActivityRequest>(activity.ToJsonString());
            var roster = document["roster"] is JsonArray people ? RosterFile.FromJson(path, people.ToJsonString()).ToList() : [];
            return (plan, roster);
        }
        catch (Exception ex) when (ex is JsonException or InvalidJsonException or InvalidProtocolBufferException)
        {
            throw CliFailure.Usage($"{path} is not a valid activity: {ex.Message}");
        }
    }

    private static Place Place(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? new Place { Name = parts[0], Country = parts[1] } : throw CliFailure.Usage($"--place '{text}' is not name,country");
    }
}
