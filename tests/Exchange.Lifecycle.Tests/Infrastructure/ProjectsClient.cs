using Exchange.Common.V1;
using Exchange.Projects.V1;

namespace Exchange.Lifecycle.Tests.Infrastructure;

/// <summary>The Projects service as its callers use it, coordinator by default.</summary>
public sealed class ProjectsClient(Uri address) : ServiceClient(address, ProjectsReflection.Descriptor.Services[0])
{
    public Task<Project> Register(RegisterProjectRequest request, Caller caller) => Call<RegisterProjectRequest, Project>("RegisterProject", request, caller);

    public Task<Project> Get(string projectId, Caller? caller = null) => Call<GetProjectRequest, Project>("GetProject", new() { ProjectId = projectId }, caller ?? Caller.Coordinator);

    public Task<Project> Adopt(string projectId, int year) => Call<AdoptProjectRequest, Project>("AdoptProject", new() { ProjectId = projectId, FiscalYear = year }, Caller.Coordinator);

    public Task<Project> Activate(string projectId, Caller? caller = null) => Call<ActivateProjectRequest, Project>("ActivateProject", new() { ProjectId = projectId }, caller ?? Caller.Coordinator);

    public Task<Project> Continue(string projectId, int year, OverseasRegion? expandTo = null, Organisation? expandedBody = null) =>
        Call<ContinueProjectRequest, Project>("ContinueProject", new() { ProjectId = projectId, FiscalYear = year, ExpandedRegion = expandTo, ExpandedOverseasBody = expandedBody }, Caller.Coordinator);

    public Task<Project> Complete(string projectId, Caller? caller = null) => Call<CompleteProjectRequest, Project>("CompleteProject", new() { ProjectId = projectId }, caller ?? Caller.Coordinator);

    public Task<ProjectLifecycle> Lifecycle(string projectId, Caller? caller = null) =>
        Call<GetLifecycleRequest, ProjectLifecycle>("GetLifecycle", new() { ProjectId = projectId }, caller ?? Caller.Coordinator);

    public Task<ListLifecyclesResponse> Lifecycles(ListLifecyclesRequest request, Caller? caller = null) =>
        Call<ListLifecyclesRequest, ListLifecyclesResponse>("ListLifecycles", request, caller ?? Caller.Coordinator);

    public Task<FiscalYearRollover> RollOver(int fiscalYear, Caller? caller = null) =>
        Call<RollOverFiscalYearRequest, FiscalYearRollover>("RollOverFiscalYear", new() { FiscalYear = fiscalYear }, caller ?? Caller.Coordinator);

    /// <summary>A project adopted for <paramref name="year"/> and active.</summary>
    public async Task<Project> Active(RegisterProjectRequest registration, int year)
    {
        var project = await Register(registration, Caller.Body(registration.DomesticBody.Id));
        await Adopt(project.Id, year);
        return await Activate(project.Id);
    }

    /// <summary>Polls the lifecycle until <paramref name="condition"/> holds (20 s at most).</summary>
    public Task<ProjectLifecycle> LifecycleWhen(string projectId, Func<ProjectLifecycle, bool> condition) =>
        Eventually.Poll(() => Lifecycle(projectId), condition);
}
