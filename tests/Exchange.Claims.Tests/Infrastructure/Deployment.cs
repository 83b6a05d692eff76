using Exchange.Claims.V1;
using Exchange.Contracts.Missions;
using Exchange.Messaging.Persistence;
using Exchange.Projects;
using Exchange.Projects.V1;
using MassTransit;

namespace Exchange.Claims.Tests.Infrastructure;

/// <summary>
/// The Projects service and the Claims service on one database provider, wired as in production:
/// Claims keeps its read model of projects from Projects' events. Missions is played by the tests,
/// which publish its ActivityCompleted events on the broker.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private readonly IBus _bus;

    private Deployment(ServiceHost projects, ClaimsHost claims, IBus bus)
    {
        ProjectsHost = projects;
        Projects = new ProjectsClient(projects.RpcAddress);
        Claims = claims;
        _bus = bus;
    }

    public ServiceHost ProjectsHost { get; }

    public ProjectsClient Projects { get; }

    public ClaimsHost Claims { get; }

    public ClaimsClient Client => Claims.Client;

    /// <summary>Starts both services, with the FY2007 rulebook from the template and EUR, CNY and USD rates.</summary>
    public static async Task<Deployment> StartAsync(DatabaseProvider provider, IBus bus)
    {
        var projects = await ServiceHost.StartAsync("projects", ProjectsApp.Build, provider);
        var claims = await ClaimsHost.StartAsync(provider);
        var deployment = new Deployment(projects, claims, bus);
        await deployment.Client.RulebookFromTemplate(2007, Caller.Coordinator);
        await deployment.Client.SetRate("EUR", new DateOnly(2007, 4, 1), "160.12", Caller.Coordinator);
        await deployment.Client.SetRate("EUR", new DateOnly(2007, 10, 1), "165.555", Caller.Coordinator);
        await deployment.Client.SetRate("CNY", new DateOnly(2007, 4, 1), "15.87", Caller.Coordinator);
        await deployment.Client.SetRate("USD", new DateOnly(2007, 4, 1), "118.25", Caller.Coordinator);
        return deployment;
    }

    /// <summary>A project adopted for FY2007 (and continued into the other years), active, known to Claims' read model.</summary>
    public async Task<Project> ActiveProject(RegisterProjectRequest? registration = null, params int[] continuedInto)
    {
        registration ??= TieUps.HamamatsuJena();
        var project = await Projects.Register(registration, Caller.Body(registration.DomesticBody.Id));
        await Projects.Adopt(project.Id, 2007);
        project = await Projects.Activate(project.Id);
        foreach (var year in continuedInto)
        {
            await Projects.Continue(project.Id, year);
            project = await Projects.Activate(project.Id);
        }
        await Claims.WaitForReadModel(project.Id, project.Version);
        return project;
    }

    /// <summary>An active project with a generous FY2007 budget.</summary>
    public async Task<Project> FundedProject(RegisterProjectRequest? registration = null)
    {
        var project = await ActiveProject(registration);
        await Client.SetBudget(Samples.Budget(project.Id), Caller.Coordinator);
        return project;
    }

    /// <summary>Publishes the activity's completion as Missions would, and waits for its draft claim.</summary>
    public async Task<Claim> DraftFor(ActivityCompleted activity)
    {
        await _bus.Publish(activity);
        return await ClaimOf(activity.ActivityId);
    }

    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        _bus.Publish(message, context =>
        {
            if (messageId is { } id) context.MessageId = id;
        });

    public async Task<Claim> ClaimOf(Guid activityId)
    {
        var listed = await Eventually.Poll(
            () => Client.List(new ListClaimsRequest { ActivityId = activityId.ToString() }, Caller.Coordinator),
            r => r.Claims.Count == 1);
        return listed.Claims[0];
    }

    public async ValueTask DisposeAsync()
    {
        Projects.Dispose();
        await Claims.DisposeAsync();
        await ProjectsHost.DisposeAsync();
    }
}
