using System.CommandLine;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Input;
using Exchange.Common.V1;
using Exchange.Projects.V1;

namespace Exchange.Cli.Commands;

/// <summary><c>exchange projects list|show|register</c>.</summary>
public static class ProjectCommands
{
    public static Command Build(Actions actions)
    {
        var command = new Command("projects", "The tie-up projects the key may see: list, show, register");
        command.Subcommands.Add(List(actions));
        command.Subcommands.Add(Show(actions));
        command.Subcommands.Add(Register(actions));
        return command;
    }

    private static Command List(Actions actions)
    {
        var status = new Option<string?>("--status") { Description = $"Only projects in this state: {string.Join(", ", EnumText.Choices<ProjectStatus>())}" };
        var programme = new Option<string?>("--programme") { Description = "region-to-region or regional-industry-tie-up" };
        var sector = new Option<string?>("--sector") { Description = $"One of: {string.Join(", ", EnumText.Choices<Sector>())}" };
        var bureau = new Option<string?>("--bureau") { Description = "A METI regional bureau (kanto, kinki, ...)" };
        var country = new Option<string?>("--country") { Description = "An overseas country, ISO 3166-1 alpha-2 (DE, CN)" };
        var fiscalYear = new Option<int>("--fiscal-year") { Description = "Only projects supported in this fiscal year" };
        var text = new Option<string?>("--text") { Description = "Words of the title, theme, regions or bodies" };
        var pageSize = new Option<int>("--page-size") { Description = "Projects per page (at most 500)", DefaultValueFactory = _ => 50 };
        var all = new Option<bool>("--all") { Description = "Every page, not only the first" };
        var command = new Command("list", "List projects, with filters") { status, programme, sector, bureau, country, fiscalYear, text, pageSize, all };
        actions.Set(command, async run =>
        {
            var request = new ListProjectsRequest
            {
                Status = run.Value(status) is { } s ? EnumText.Parse<ProjectStatus>(s, "--status") : ProjectStatus.Unspecified,
                Programme = run.Value(programme) is { } p ? EnumText.Parse<Programme>(p, "--programme") : Programme.Unspecified,
                Sector = run.Value(sector) is { } se ? EnumText.Parse<Sector>(se, "--sector") : Sector.Unspecified,
                Bureau = run.Value(bureau) is { } b ? EnumText.Parse<RegionalBureau>(b, "--bureau") : RegionalBureau.Unspecified,
                Country = run.Value(country) ?? "",
                ActiveInFiscalYear = run.Value(fiscalYear),
                Text = run.Value(text) ?? "",
                Page = new PageRequest { PageSize = run.Value(pageSize) },
            };
            var response = await run.Gateway.Call(Api.Projects.List, request, run.CancellationToken);
            var total = response.TotalCount;
            while (run.Value(all) && response.NextPageToken.Length > 0)
            {
                request.Page.PageToken = response.NextPageToken;
                var next = await run.Gateway.Call(Api.Projects.List, request, run.CancellationToken);
                response.Projects.Add(next.Projects);
                response.NextPageToken = next.NextPageToken;
            }
            run.Output.Result(response, () =>
            {
                run.Output.Write(ProjectViews.List(response.Projects));
                run.Output.Line($"{response.Projects.Count} of {total} projects" + (response.NextPageToken.Length > 0 ? " (--all for every page)" : ""));
            });
        });
        return command;
    }

    private static Command Show(Actions actions)
    {
        var id = new Argument<string>("project-id") { Description = "The project's id" };
        var command = new Command("show", "Show one project with its bodies, members, years and achievements") { id };
        actions.Set(command, async run =>
        {
            var project = await run.Gateway.Call(Api.Projects.Get, new GetProjectRequest { ProjectId = run.Required(id) }, run.CancellationToken);
            run.Output.Result(project, () => run.Output.Write(ProjectViews.Details(project)));
        });
        return command;
    }

    private static Command Register(Actions actions)
    {
        var file = new Option<string?>("--file") { Description = "A RegisterProjectRequest in JSON (as 'projects show --json' prints a project); other options then stay unset", HelpName = "project.json" };
        var requestId = new Option<string?>("--request-id") { Description = "Makes registering idempotent: the same id registers once (default: a new id)" };
        var title = new Option<string?>("--title") { Description = "The project's title" };
        var programme = new Option<string>("--programme") { Description = "region-to-region or regional-industry-tie-up", DefaultValueFactory = _ => "regional-industry-tie-up" };
        var region = new Option<string?>("--region") { Description = "The domestic region: \"Suwa city\"" };
        var prefecture = new Option<string?>("--prefecture") { Description = "Its prefecture: Nagano (empty for wider areas)" };
        var bureau = new Option<string?>("--bureau") { Description = "Its METI regional bureau: kanto, chubu, kinki, ..." };
        var overseas = new Option<string[]>("--overseas-region") { Description = "An overseas region as name,country[,world-area]: \"Jena,DE,europe\" (repeat for several)", AllowMultipleArgumentsPerToken = false };
        var sector = new Option<string?>("--sector") { Description = $"One of: {string.Join(", ", EnumText.Choices<Sector>())}" };
        var theme = new Option<string?>("--theme") { Description = "The free-text theme: \"Optical appliances\"" };
        var domesticBody = new Option<string?>("--domestic-body") { Description = "The domestic implementation body as id:name: \"hamamatsu-city:Hamamatsu City\"" };
        var overseasBody = new Option<string[]>("--overseas-body") { Description = "An overseas body as id:name:country: \"jena-city:Jena economic development:DE\" (repeat for several)" };
        var member = new Option<string[]>("--member") { Description = "A member as actor-type:name[:sme]: \"regional-company:Hamamatsu Photonics:sme\" (repeat)" };
        var first = new Option<int>("--first-year") { Description = "First planned fiscal year" };
        var last = new Option<int>("--last-year") { Description = "Last planned fiscal year" };
        var command = new Command("register", "Register a project (proposed), from a JSON file or from options")
        {
            file, requestId, title, programme, region, prefecture, bureau, overseas, sector, theme, domesticBody, overseasBody, member, first, last,
        };
        actions.Set(command, async run =>
        {
            RegisterProjectRequest request;
            if (run.Value(file) is { } path)
            {
                var given = new Option[] { title, region, prefecture, bureau, overseas, sector, theme, domesticBody, overseasBody, member, first, last }
                    .Where(o => run.Parse.GetResult(o) is not null).Select(o => o.Name).ToList();
                if (given.Count > 0) throw CliFailure.Usage($"--file holds the whole project; leave out {string.Join(", ", given)}");
                request = JsonInput.Read<RegisterProjectRequest>(path);
            }
            else
            {
                request = new RegisterProjectRequest
                {
                    Programme = EnumText.Parse<Programme>(run.Value(programme)!, "--programme"),
                    Title = run.Value(title) ?? "",
                    DomesticRegion = new DomesticRegion
                    {
                        Name = run.Value(region) ?? "",
                        Prefecture = run.Value(prefecture) ?? "",
                        Bureau = run.Value(bureau) is { } b ? EnumText.Parse<RegionalBureau>(b, "--bureau") : RegionalBureau.Unspecified,
                    },
                    Sector = run.Value(sector) is { } s ? EnumText.Parse<Sector>(s, "--sector") : Sector.Unspecified,
                    Theme = run.Value(theme) ?? "",
                    DomesticBody = run.Value(domesticBody) is { } d ? Body(d, "--domestic-body", "JP") : null,
                    PlannedPeriod = new FiscalYearRange { FirstYear = run.Value(first), LastYear = run.Value(last) },
                };
                request.OverseasRegions.Add((run.Value(overseas) ?? []).Select(OverseasRegion));
                request.OverseasBodies.Add((run.Value(overseasBody) ?? []).Select(b => Body(b, "--overseas-body", null)));
                request.Members.Add((run.Value(member) ?? []).Select(Member));
            }
            if (run.Value(requestId) is { } id) request.RequestId = id;
            if (request.RequestId.Length == 0) request.RequestId = Guid.NewGuid().ToString("N");

            var project = await run.Gateway.Call(Api.Projects.Register, request, run.CancellationToken);
            run.Output.Result(project, () =>
            {
                run.Output.Line($"Registered project {project.Id}: {project.Title} ({Output.Display.Name(project.Status)})");
                run.Output.Note($"Registering again with --request-id {request.RequestId} answers the same project.");
            });
        });
        return command;
    }

    private static Common.V1.OverseasRegion OverseasRegion(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3) throw CliFailure.Usage($"--overseas-region '{text}' is not name,country[,world-area]");
        return new Common.V1.OverseasRegion
        {
            Name = parts[0],
            Country = parts[1],
            WorldArea = parts.Length == 3 ? EnumText.Parse<WorldArea>(parts[2], "the world area") : WorldArea.Unspecified,
        };
    }

    private static Organisation Body(string text, string option, string? country)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || (country is null && parts.Length != 3) || parts.Length > 3)
            throw CliFailure.Usage($"{option} '{text}' is not {(country is null ? "id:name:country" : "id:name")}");
        return new Organisation { Id = parts[0], Name = parts[1], Country = parts.Length == 3 ? parts[2] : country! };
    }

    private static Member Member(string text)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3 || (parts.Length == 3 && !parts[2].Equals("sme", StringComparison.OrdinalIgnoreCase)))
            throw CliFailure.Usage($"--member '{text}' is not actor-type:name[:sme]");
        return new Member { ActorType = EnumText.Parse<ActorType>(parts[0], "the actor type"), OrganisationName = parts[1], Sme = parts.Length == 3 };
    }
}
