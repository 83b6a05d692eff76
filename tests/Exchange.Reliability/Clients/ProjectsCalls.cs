using Exchange.Common.V1;
using Exchange.Projects.V1;
using Exchange.Testing;

namespace Exchange.Reliability.Clients;

/// <summary>The Projects calls the outage scenario makes: a project registered, adopted and active; achievements recorded and read.</summary>
public sealed class ProjectsCalls(Uri address) : ServiceClient(address, ProjectsReflection.Descriptor.Services[0])
{
    public const string Body = "hamamatsu-city";

    public Task<Project> Get(string id) => Call<GetProjectRequest, Project>("GetProject", new GetProjectRequest { ProjectId = id }, Caller.Coordinator);

    /// <summary>Hamamatsu - Jena, Regional Industry Tie-up, adopted for FY2007 and active.</summary>
    public async Task<Project> ActiveProjectAsync()
    {
        var request = new RegisterProjectRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Programme = Programme.RegionalIndustryTieUp,
            Title = "Hamamatsu - Jena optical appliances tie-up",
            DomesticRegion = new DomesticRegion { Name = "Hamamatsu city", Prefecture = "Shizuoka", Bureau = RegionalBureau.Chubu },
            OverseasRegions = { new OverseasRegion { Name = "Jena", Country = "DE", WorldArea = WorldArea.Europe } },
            Sector = Sector.MetalMechanical,
            Theme = "Optical appliances",
            DomesticBody = new Organisation { Id = Body, Name = "Hamamatsu City", Country = "JP" },
            OverseasBodies = { new Organisation { Id = "jena-city", Name = "Jena economic development", Country = "DE" } },
            PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2009 },
        };
        for (var i = 1; i <= 5; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"Hamamatsu SME {i}", Sme = true });
        var project = await Call<RegisterProjectRequest, Project>("RegisterProject", request, Caller.Body(Body));
        await Call<AdoptProjectRequest, Project>("AdoptProject", new AdoptProjectRequest { ProjectId = project.Id, FiscalYear = 2007 }, Caller.Coordinator);
        return await Call<ActivateProjectRequest, Project>("ActivateProject", new ActivateProjectRequest { ProjectId = project.Id }, Caller.Coordinator);
    }

    public Task<Project> RecordAchievement(string projectId, string achievementId, DateOnly date) =>
        Call<RecordAchievementRequest, Project>("RecordAchievement", new RecordAchievementRequest
        {
            ProjectId = projectId,
            AchievementId = achievementId,
            Kind = AchievementKind.NewSalesChannelOrExport,
            Date = new Date { Year = date.Year, Month = date.Month, Day = date.Day },
            Description = "Export order from a Jena distributor",
        }, Caller.Coordinator);
}
