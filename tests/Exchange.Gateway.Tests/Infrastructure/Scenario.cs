using Exchange.Missions.V1;
using Exchange.Projects.V1;
using Google.Protobuf.Reflection;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>A Hamamatsu - Jena project set up through the gateway, active in FY2007, with an invitation planned.</summary>
public sealed record TieUp(Project Project, Activity Invitation, string Marker)
{
    public static readonly ServiceDescriptor ProjectsService = ProjectsReflection.Descriptor.Services[0];
    public static readonly ServiceDescriptor MissionsService = MissionsReflection.Descriptor.Services[0];

    /// <summary>Registered by its implementation body, adopted by a coordinator, activated, an invitation planned: all through the gateway.</summary>
    public static async Task<TieUp> StartAsync(Platform platform)
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        using var body = platform.Rpc(TieUps.HamamatsuBody);
        using var coordinator = platform.Rpc(Platform.Coordinator);
        var project = await body.Call<RegisterProjectRequest, Project>(ProjectsService, "RegisterProject", Marked.HamamatsuJena(marker));
        await coordinator.Call<AdoptProjectRequest, Project>(ProjectsService, "AdoptProject", new AdoptProjectRequest { ProjectId = project.Id, FiscalYear = 2007 });
        project = await body.Call<ActivateProjectRequest, Project>(ProjectsService, "ActivateProject", new ActivateProjectRequest { ProjectId = project.Id });
        var invitation = await body.Call<PlanActivityRequest, Activity>(MissionsService, "PlanActivity", Marked.PartnerInvitation(project.Id, marker));
        return new TieUp(project, invitation, marker);
    }

    /// <summary>A Suwa - Dalian project, registered by Suwa: foreign to the Hamamatsu and Jena callers.</summary>
    public static async Task<Project> ForeignAsync(Platform platform)
    {
        using var suwa = platform.Rpc(TieUps.SuwaBody);
        return await suwa.Call<RegisterProjectRequest, Project>(ProjectsService, "RegisterProject", Marked.SuwaDalian(Guid.NewGuid().ToString("N")[..12]));
    }
}
