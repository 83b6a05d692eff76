using Exchange.Claims.V1;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Input;
using Exchange.Common.V1;
using Exchange.Projects.V1;
using Exchange.Rpc;

namespace Exchange.Cli.Demo;

/// <summary>
/// Loads the demo data through the gateway's API, as the programme's users would have entered it,
/// and only what is missing: running it again changes nothing. Needs an admin key (for the demo
/// keys); everything else is done with the demo keys themselves.
/// </summary>
public sealed partial class DemoLoad(Uri gateway, Action<string> note, CancellationToken cancellationToken) : IDisposable
{
    private readonly List<GatewayClient> _clients = [];
    private readonly Dictionary<string, string> _projectIds = new(StringComparer.Ordinal);
    private GatewayClient _coordinator = null!;
    private GatewayClient _body = null!;

    public DemoSummary Summary { get; } = new();

    public async Task RunAsync(GatewayClient admin, string keysFile)
    {
        note("Demo API keys ...");
        Summary.Keys = await DemoKeys.EnsureAsync(admin, keysFile, cancellationToken, note);
        _coordinator = Client(Summary.Keys.Single(k => k.Role == "coordinator").ApiKey);
        _body = Client(Summary.Keys.Single(k => k.Role == "implementation-body").ApiKey);

        note("Demo projects ...");
        await FindProjectsAsync();
        note("Rulebooks, exchange rates and budgets ...");
        await ProgrammeAsync();
        note("Activities with their rosters, and their claims ...");
        foreach (var activity in DemoCatalogue.Activities) await ActivityAsync(activity);
        note("Coordinator contracts and invoices ...");
        foreach (var contract in DemoCatalogue.Contracts) await ContractAsync(contract);
        note("Success-factor survey round and responses ...");
        await SurveyAsync();
    }

    private GatewayClient Client(string key)
    {
        var client = new GatewayClient(new GatewayTarget(gateway, key));
        _clients.Add(client);
        return client;
    }

    private string ProjectId(string key) => _projectIds[key];

    private async Task FindProjectsAsync()
    {
        foreach (var (key, title) in DemoCatalogue.Projects)
        {
            var found = await Eventually.FindAsync(async () =>
                (await _coordinator.Call(Api.Projects.List, new ListProjectsRequest { Text = title, Page = new PageRequest { PageSize = 50 } }, cancellationToken))
                    .Projects.FirstOrDefault(p => p.Title == title),
                () => new CliFailure($"the demo project '{title}' is not on the platform: the Projects service loads the demo projects when started with Demo:Load=true (deploy/run.sh sets it)", ExitCodes.NotFound),
                cancellationToken, TimeSpan.FromSeconds(30));
            _projectIds[key] = found.Id;
        }
        Summary.Projects = _projectIds.Count;
    }

    private async Task ProgrammeAsync()
    {
        foreach (var year in DemoCatalogue.FiscalYears)
        {
            try
            {
                await _coordinator.Call(Api.Claims.CreateRulebookFromTemplate, new CreateRulebookFromTemplateRequest { FiscalYear = year }, cancellationToken);
                note($"  rulebook of FY{year} from the template");
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.AlreadyExists)
            {
            }
        }

        foreach (var group in DemoCatalogue.ExchangeRates.GroupBy(r => r.Currency))
        {
            var known = (await _coordinator.Call(Api.Claims.ListExchangeRates, new ListExchangeRatesRequest { Currency = group.Key }, cancellationToken)).Rates;
            foreach (var (currency, from, rate) in group)
            {
                if (known.Any(r => Output.Display.Date(r.EffectiveFrom) == from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))) continue;
                await _coordinator.Call(Api.Claims.SetExchangeRate, new SetExchangeRateRequest
                {
                    Currency = currency, EffectiveFrom = DateText.From(from), RateToJpy = rate, Source = "Illustrative rate of the time (demo data)",
                }, cancellationToken);
                note($"  {currency} at {rate} JPY from {from:yyyy-MM-dd}");
            }
        }

        foreach (var (project, year, lines, coordinators) in DemoCatalogue.Budgets)
        {
            var projectId = ProjectId(project);
            Budget? budget = null;
            try
            {
                budget = await _coordinator.Call(Api.Claims.GetBudget, new GetBudgetRequest { ProjectId = projectId, FiscalYear = year }, cancellationToken);
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
            {
            }
            if (budget is { Lines.Count: > 0 }) continue;
            var request = new SetBudgetRequest
            {
                ProjectId = projectId,
                FiscalYear = year,
                CoordinatorsProgrammeShare = Yen(coordinators),
                CoordinatorsOwnShare = Yen(coordinators * 6 / 10),
            };
            request.Lines.Add(lines.Select(l => new BudgetLine { SupportTool = l.Tool, ProgrammeShare = Yen(l.Programme), OwnShare = Yen(l.Programme * 6 / 10) }));
            // The Claims service learns projects from events: a project just loaded may take a moment.
            await Eventually.CallAsync(() => _coordinator.Call(Api.Claims.SetBudget, request, cancellationToken), cancellationToken);
            note($"  budget of {project} for FY{year}");
        }
    }

    private static Money Yen(long amount) => new() { Amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), Currency = "JPY" };

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}
