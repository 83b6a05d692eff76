using Exchange.Projects.V1;

namespace Exchange.Projects.Tests.Infrastructure;

/// <summary>
/// Brings a newly registered project to a status of its lifecycle through the API, the way its
/// domestic body and the programme office would: adopted for the first planned fiscal year,
/// continued into the next one, completed, followed up.
/// </summary>
public static class ProjectStages
{
    public static async Task<V1.Project> Reach(ProjectsClient client, ProjectStatus status, RegisterProjectRequest? registration = null)
    {
        registration ??= Samples.HamamatsuJena();
        var body = Caller.Body(registration.DomesticBody.Id);
        var coordinator = Caller.Coordinator;
        var project = await client.Register(registration, body);
        if (status == ProjectStatus.Proposed) return project;
        if (status == ProjectStatus.Withdrawn) return await client.Withdraw(project.Id, body);

        var firstYear = registration.PlannedPeriod.FirstYear;
        project = await client.Adopt(project.Id, firstYear, coordinator);
        if (status == ProjectStatus.Adopted) return project;
        project = await client.Activate(project.Id, body);
        if (status == ProjectStatus.Active) return project;
        if (status == ProjectStatus.Continued)
            return await client.Continue(new ContinueProjectRequest { ProjectId = project.Id, FiscalYear = firstYear + 1 }, coordinator);

        project = await client.Complete(project.Id, body);
        if (status == ProjectStatus.Completed) return project;
        project = await client.StartFollowUp(project.Id, ExchangeStatus.Continuing, body);
        if (status == ProjectStatus.FollowUp) return project;
        if (status == ProjectStatus.Closed) return await client.Close(project.Id, coordinator);
        throw new ArgumentOutOfRangeException(nameof(status), status, "no way to reach this status");
    }
}
