using Exchange.Messaging.Persistence;
using Exchange.Projects;
using Exchange.Projects.V1;

namespace Exchange.Missions.Tests.Infrastructure;

/// <summary>
/// The Projects service and the Missions service on one database provider, wired as in
/// production: Missions checks projects with Projects over RPC and keeps its read model from
/// Projects' events; Projects records Missions' outcomes as achievements.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private Deployment(ServiceHost projects, MissionsHost missions)
    {
        ProjectsHost = projects;
        Projects = new ProjectsClient(projects.RpcAddress);
        Missions = missions;
    }

    public ServiceHost ProjectsHost { get; }

    public ProjectsClient Projects { get; }

    public MissionsHost Missions { get; }

    public MissionsClient Client => Missions.Client;

    public static async Task<Deployment> StartAsync(DatabaseProvider provider)
    {
        var projects = await ServiceHost.StartAsync("projects", ProjectsApp.Build, provider);
        var missions = await MissionsHost.StartAsync(provider, projects.RpcAddress);
        return new Deployment(projects, missions);
    }

    /// <summary>
    /// A project adopted for the first of <paramref name="years"/> and continued into the others,
    /// active in each; Hamamatsu - Jena unless another registration is given.
    /// </summary>
    public async Task<Project> ActiveProject(RegisterProjectRequest? registration = null, params int[] years)
    {
        registration ??= TieUps.HamamatsuJena();
        if (years.Length == 0) years = [2007];
        var project = await Projects.Register(registration, Caller.Body(registration.DomesticBody.Id));
        project = await Projects.Adopt(project.Id, years[0]);
        project = await Projects.Activate(project.Id);
        foreach (var year in years.Skip(1))
        {
            await Projects.Continue(project.Id, year);
            project = await Projects.Activate(project.Id);
        }
        return project;
    }

    public async ValueTask DisposeAsync()
    {
        Projects.Dispose();
        await Missions.DisposeAsync();
        await ProjectsHost.DisposeAsync();
    }
}
