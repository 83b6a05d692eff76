using Exchange.Messaging.Persistence;
using Exchange.Projects;
using Exchange.Projects.V1;

namespace Exchange.Surveys.Tests.Infrastructure;

/// <summary>
/// The Projects service and the Surveys service on one database provider, wired as in
/// production: Surveys keeps its read model of projects from Projects' events and schedules
/// follow-up surveys when Projects completes a project.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private readonly HostResources[] _resources;

    private Deployment(ServiceHost projects, SurveysHost surveys, params HostResources[] resources)
    {
        _resources = resources;
        ProjectsHost = projects;
        Projects = new ProjectsClient(projects.RpcAddress);
        Surveys = surveys;
    }

    public ServiceHost ProjectsHost { get; }

    public ProjectsClient Projects { get; }

    public SurveysHost Surveys { get; }

    public SurveysClient Client => Surveys.Client;

    public RespondentClient Respondent => Surveys.Respondent;

    public static async Task<Deployment> StartAsync(DatabaseProvider provider)
    {
        // Surveys first: its queues must exist before Projects publishes anything.
        var surveysResources = HostResources.For("surveys", provider, "project-state-changed", "project-completed", "project-snapshots-sent");
        var surveys = await SurveysHost.StartAsync(provider, surveysResources.Settings);
        var projectsResources = HostResources.For("projects", provider, "activity-outcome", "project-snapshots-requested");
        var projects = await ServiceHost.StartAsync("projects", ProjectsApp.Build, provider, projectsResources.Settings);
        return new Deployment(projects, surveys, surveysResources, projectsResources);
    }

    /// <summary>A project adopted for FY2007 and active, known to the Surveys read model when this returns.</summary>
    public async Task<Project> ActiveProject(RegisterProjectRequest registration)
    {
        var project = await Projects.Register(registration);
        await Projects.Adopt(project.Id, registration.PlannedPeriod.FirstYear);
        project = await Projects.Activate(project.Id);
        await Surveys.WaitForReadModel(project.Id, project.Version);
        return project;
    }

    public async ValueTask DisposeAsync()
    {
        Projects.Dispose();
        await ProjectsHost.DisposeAsync();
        await Surveys.DisposeAsync();
        foreach (var resources in _resources) await resources.RemoveAsync();
    }
}
