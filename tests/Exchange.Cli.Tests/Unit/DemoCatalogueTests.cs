using Exchange.Cli.Demo;
using Exchange.Projects.DemoData;

namespace Exchange.Cli.Tests.Unit;

public sealed class DemoCatalogueTests
{
    [Fact]
    public void Every_demo_project_the_load_uses_is_one_the_projects_service_loads()
    {
        var titles = DemoProjects.All.Select(d => d.Title).ToHashSet();
        Assert.All(DemoCatalogue.Projects.Values, title => Assert.Contains(title, titles));
    }

    [Fact]
    public void The_demo_keys_belong_to_the_bodies_of_the_project_their_activities_are_logged_on()
    {
        var hamamatsu = DemoProjects.All.Single(d => d.Title == DemoCatalogue.Projects["hamamatsu-jena"]);
        Assert.Equal(DemoCatalogue.HamamatsuBody, hamamatsu.DomesticBody.OrganisationId);
        Assert.Equal(DemoCatalogue.JenaPartner, hamamatsu.OverseasBodies.Single().OrganisationId);
        Assert.All(DemoCatalogue.Activities.Where(a => a.ByBody), a => Assert.Equal("hamamatsu-jena", a.ProjectKey));
    }
}
