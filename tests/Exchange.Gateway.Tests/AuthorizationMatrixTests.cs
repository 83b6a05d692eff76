using Exchange.Common.V1;
using Exchange.Gateway.Routing;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Missions.V1;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Tenancy, end to end: every RPC of every service behind the gateway, called through the gateway
/// with API keys by every kind of caller against one project (Hamamatsu - Jena). To the callers
/// that are not its parties (another project's implementation body and overseas partner) the
/// project must not exist: each call is refused with NOT_FOUND or PERMISSION_DENIED, or succeeds
/// without a trace of the project in its response, and the project, its activities, its
/// organisations and the rulebook are as they were. Its parties and coordinators get through the
/// gateway as themselves and read what is theirs; any refusal leaves the state as it was.
/// The services enforce this (defence in depth); the gateway only vouches for who calls.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthorizationMatrixTests(Platform platform)
{
    private enum Relation { Party, Foreign }

    // Callers that are not parties go first, so that they meet the project as its parties left it.
    private static readonly (string Who, Caller Caller, Relation Relation)[] Callers =
    [
        ("another project's implementation body", TieUps.SuwaBody, Relation.Foreign),
        ("another project's overseas partner", TieUps.DalianPartner, Relation.Foreign),
        ("its overseas partner", TieUps.JenaPartner, Relation.Party),
        ("its implementation body", TieUps.HamamatsuBody, Relation.Party),
        ("a coordinator", Platform.Coordinator, Relation.Party),
    ];

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);

    public static TheoryData<string> RoutedMethods() =>
        [.. RpcCatalog.Platform.Services
            .Where(s => Platform.RoutedPackages.Contains(s.File.Package))
            .SelectMany(s => s.Methods)
            .Select(m => $"{m.Service.FullName}/{m.Name}")];

    [Fact]
    public void Every_rpc_of_every_routed_service_has_a_request()
    {
        var routed = platform.Gateway.Services.GetRequiredService<IReadOnlyList<BackendService>>();
        Assert.Equal(Platform.RoutedPackages.Order(), routed.Select(s => s.Package).Order());
        var missing = new List<string>();
        foreach (var backend in routed)
        {
            var services = RpcCatalog.Platform.Services.Where(s => s.File.Package == backend.Package).ToList();
            if (services.Count == 0) missing.Add($"{backend.Package}: no service descriptors in Exchange.Protos");
            missing.AddRange(services.SelectMany(s => s.Methods)
                .Select(m => $"{m.Service.FullName}/{m.Name}")
                .Where(name => !MatrixRequests.ByMethod.ContainsKey(name))
                .Select(name => $"{name}: no request in MatrixRequests"));
        }
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Theory]
    [MemberData(nameof(RoutedMethods))]
    public async Task Callers_that_are_not_parties_read_and_change_nothing_of_the_project(string rpc)
    {
        var target = await platform.Shared("authorization matrix", () => MatrixTarget.StartAsync(platform));
        var method = RpcCatalog.Platform.Find($"/{rpc}")!;
        var problems = new List<string>();
        using var projects = platform.Direct(platform.Projects, TieUp.ProjectsService);
        using var missions = platform.Direct(platform.Missions, TieUp.MissionsService);
        var snapshot = () => Snapshot(target, projects, missions);
        foreach (var (who, caller, relation) in Callers)
        {
            var client = platform.SharedRpc(caller);
            var before = await snapshot();
            var (code, response, detail) = await Outcome(() => client.Call(method, MatrixRequests.ByMethod[rpc](target)));
            var after = await snapshot();
            var refused = code is StatusCode.NotFound or StatusCode.PermissionDenied;
            var said = $"{rpc} by {who} ({caller.OrganisationId}) answered {code} {detail}";

            if (relation == Relation.Foreign)
            {
                if (code == StatusCode.OK && target.Traces.FirstOrDefault(t => response!.Contains(t, StringComparison.Ordinal)) is { } trace)
                    problems.Add($"{said}: its response shows '{trace}' of the project");
                if (code != StatusCode.OK && !refused) problems.Add($"{said}: a caller that is not a party must get NOT_FOUND or PERMISSION_DENIED");
                if (before != after) problems.Add($"{said}: the project's state changed\n  before: {before}\n  after:  {after}");
                continue;
            }
            if (code is StatusCode.Unauthenticated or StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Unimplemented or StatusCode.DeadlineExceeded)
                problems.Add($"{said}: the call did not reach the service as its caller");
            if (refused && before != after) problems.Add($"{said}: refused, but the project's state changed");
            if (MatrixRequests.PartiesRead.Contains(rpc) && (code != StatusCode.OK || !response!.Contains(target.ProjectId, StringComparison.Ordinal)))
                problems.Add($"{said}: a party must read the project here");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The project, its activities, the organisations and projects bearing its marker, and the rulebook year the matrix may set.</summary>
    private static async Task<string> Snapshot(MatrixTarget target, ServiceClient projects, ServiceClient missions)
    {
        var coordinator = Platform.Coordinator;
        var project = await projects.Call<GetProjectRequest, Project>("GetProject", new GetProjectRequest { ProjectId = target.ProjectId }, coordinator);
        var marked = await projects.Call<ListProjectsRequest, ListProjectsResponse>("ListProjects", new ListProjectsRequest { Text = target.Marker, Page = new PageRequest { PageSize = 500 } }, coordinator);
        var activities = await missions.Call<ListActivitiesRequest, ListActivitiesResponse>("ListActivities", new ListActivitiesRequest { ProjectId = target.ProjectId, Page = new PageRequest { PageSize = 500 } }, coordinator);
        var organisations = await missions.Call<ListOrganisationsRequest, ListOrganisationsResponse>("ListOrganisations", new ListOrganisationsRequest { Text = target.Marker, Page = new PageRequest { PageSize = 500 } }, coordinator);
        var rules = await projects.Call<GetAdoptionRulesRequest, AdoptionRules>("GetAdoptionRules", new GetAdoptionRulesRequest { Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2091 }, coordinator);
        return $"project v{project.Version} {project.Status}; projects marked {marked.TotalCount}; " +
               $"activities {string.Join(",", activities.Activities.Select(a => $"{a.Id[..8]}:v{a.Version}"))}; " +
               $"organisations marked {organisations.TotalCount}; rules 2091 {Json.Format(rules)}";
    }

    private static async Task<(StatusCode Code, string? Response, string Detail)> Outcome(Func<Task<IMessage>> call)
    {
        try
        {
            return (StatusCode.OK, Json.Format(await call()), "");
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, null, $"({ex.Status.Detail})");
        }
    }
}
