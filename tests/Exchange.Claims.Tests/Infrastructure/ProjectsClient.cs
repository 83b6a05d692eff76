using Exchange.Projects.V1;

namespace Exchange.Claims.Tests.Infrastructure;

/// <summary>The few calls of the Projects API the tests need to set projects up.</summary>
public sealed class ProjectsClient(Uri address) : ServiceClient(address, ProjectsReflection.Descriptor.Services[0])
{
    public Task<Project> Register(RegisterProjectRequest request, Caller caller) => Call<RegisterProjectRequest, Project>("RegisterProject", request, caller);

    public Task<Project> Adopt(string id, int year) =>
        Call<AdoptProjectRequest, Project>("AdoptProject", new AdoptProjectRequest { ProjectId = id, FiscalYear = year }, Caller.Coordinator);

    public Task<Project> Activate(string id) => Call<ActivateProjectRequest, Project>("ActivateProject", new ActivateProjectRequest { ProjectId = id }, Caller.Coordinator);

    public Task<Project> Continue(string id, int year) =>
        Call<ContinueProjectRequest, Project>("ContinueProject", new ContinueProjectRequest { ProjectId = id, FiscalYear = year }, Caller.Coordinator);

    public Task<Project> Complete(string id) => Call<CompleteProjectRequest, Project>("CompleteProject", new CompleteProjectRequest { ProjectId = id }, Caller.Coordinator);
}
