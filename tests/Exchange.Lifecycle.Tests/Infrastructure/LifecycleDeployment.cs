using Exchange.Claims;
using Exchange.Claims.Data;
using Exchange.Messaging.Persistence;
using Exchange.Projects;
using Exchange.Projects.Data;
using Exchange.Surveys;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Lifecycle.Tests.Infrastructure;

/// <summary>
/// Projects, Claims and Surveys on one database provider, wired as in production and sharing one
/// <see cref="TestClock"/>, so that a test plays fiscal years in seconds. The deployment's events
/// travel on exchanges of its own (<c>Messaging:ExchangePrefix</c>): the lifecycle acts on facts
/// other services report, and a Claims or Surveys service of another test run on the same broker
/// must not report facts about this deployment's projects. Missions is played by <see cref="Bus"/>.
/// </summary>
public sealed class LifecycleDeployment : IAsyncDisposable
{
    /// <summary>Days after completion that claims are accepted, in these tests.</summary>
    public const int ClosingPeriodDays = 10;

    /// <summary>Days after a fiscal year's end that its claims are accepted once it is closed, in these tests.</summary>
    public const int CutOffDays = 30;

    private LifecycleDeployment(TestClock clock, ServiceHost projects, ServiceHost claims, ServiceHost surveys, PlatformBus bus)
    {
        Clock = clock;
        ProjectsHost = projects;
        ClaimsHost = claims;
        SurveysHost = surveys;
        Bus = bus;
        Projects = new ProjectsClient(projects.RpcAddress);
        Claims = new ClaimsClient(claims.RpcAddress);
        Surveys = new SurveysClient(surveys.RpcAddress);
    }

    public TestClock Clock { get; }

    public ServiceHost ProjectsHost { get; }

    public ServiceHost ClaimsHost { get; }

    public ServiceHost SurveysHost { get; }

    public PlatformBus Bus { get; }

    public ProjectsClient Projects { get; }

    public ClaimsClient Claims { get; }

    public SurveysClient Surveys { get; }

    public static async Task<LifecycleDeployment> StartAsync(DatabaseProvider provider, DateTimeOffset start)
    {
        var clock = new TestClock(start);
        var prefix = $"lifecycle-test-{Guid.NewGuid():N}"[..27] + ":";
        var common = new Dictionary<string, string?> { ["Messaging:ExchangePrefix"] = prefix };
        // Consumers first: an event published before its consumer's queue is bound is lost.
        var claims = await ServiceHost.StartAsync("claims", WithClock(ClaimsApp.Build, clock), provider, With(common, new()
        {
            ["Claims:ClosingPeriodDays"] = ClosingPeriodDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Claims:FiscalYearCutOffDays"] = CutOffDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Claims:ClosingCheckInterval"] = "00:00:00.200",
        }));
        var surveys = await ServiceHost.StartAsync("surveys", WithClock(SurveysApp.Build, clock), provider, With(common, new()
        {
            ["Surveys:FollowUpFiscalYears"] = "0,1",
        }));
        var projects = await ServiceHost.StartAsync("projects", WithClock(ProjectsApp.Build, clock), provider, common);
        var bus = await PlatformBus.StartAsync(prefix);
        return new LifecycleDeployment(clock, projects, claims, surveys, bus);
    }

    /// <summary>The service's host with the test's clock in place of the system's.</summary>
    public static Func<string[], WebApplication> WithClock(Func<string[], Action<WebApplicationBuilder>?, WebApplication> build, TestClock clock) =>
        args => build(args, builder => builder.Services.AddSingleton<TimeProvider>(clock));

    public Task<T> InProjects<T>(Func<ProjectsDb, Task<T>> query) => ProjectsHost.InDatabase(query);

    public Task<T> InClaims<T>(Func<ClaimsDb, Task<T>> query) => ClaimsHost.InDatabase(query);

    /// <summary>Waits until Claims' read model holds the project at its version or later: what budgets and contracts are judged by.</summary>
    public Task ClaimsKnow(Exchange.Projects.V1.Project project)
    {
        var id = Guid.Parse(project.Id);
        return Eventually.Poll(() => InClaims(db => db.Projects.AnyAsync(p => p.ProjectId == id && p.Version >= project.Version)), known => known);
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> common, Dictionary<string, string?> extra)
    {
        foreach (var (key, value) in common) extra[key] = value;
        return extra;
    }

    public async ValueTask DisposeAsync()
    {
        Projects.Dispose();
        Claims.Dispose();
        Surveys.Dispose();
        await Bus.DisposeAsync();
        await ProjectsHost.DisposeAsync();
        await SurveysHost.DisposeAsync();
        await ClaimsHost.DisposeAsync();
    }
}
