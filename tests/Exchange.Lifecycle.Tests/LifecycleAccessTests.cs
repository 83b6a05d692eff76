using Exchange.Common.V1;
using Exchange.Lifecycle.Tests.Infrastructure;
using Exchange.Messaging.Persistence;
using Exchange.Projects.V1;
using Exchange.Rpc;
using static Exchange.Lifecycle.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Lifecycle.Tests;

/// <summary>
/// The lifecycle is read as the project is: coordinators see every project's, parties their own
/// projects'; anyone else is told the project does not exist.
/// </summary>
public sealed class LifecycleAccessTests
{
    [Fact]
    public async Task Parties_see_their_own_projects_lifecycles_and_coordinators_all_of_them()
    {
        await using var platform = await LifecycleDeployment.StartAsync(DatabaseProvider.Sqlite, TestClock.InJapan(2007, 5, 1));
        var projects = platform.Projects;
        var hamamatsu = await projects.Active(HamamatsuJena(), 2007);
        var suwa = await projects.Register(SuwaDalian(), SuwaBody);

        foreach (var caller in new[] { HamamatsuBody, JenaPartner, Caller.Coordinator, Caller.Admin })
            Assert.Equal(LifecycleStage.Active, (await projects.Lifecycle(hamamatsu.Id, caller)).Stage);
        await Refusals.Refused(StatusCode.NotFound, $"project {hamamatsu.Id} not found", () => projects.Lifecycle(hamamatsu.Id, SuwaBody));
        await Refusals.Refused(StatusCode.NotFound, $"project {hamamatsu.Id} not found", () => projects.Lifecycle(hamamatsu.Id, DalianPartner));
        await Refusals.Refused(StatusCode.Unauthenticated, "", () => projects.Lifecycle(hamamatsu.Id, Caller.Anonymous));
        await Refusals.Refused(StatusCode.InvalidArgument, "project_id", () => projects.Lifecycle("not-a-project"));

        Assert.Equal([hamamatsu.Id], (await projects.Lifecycles(new ListLifecyclesRequest(), HamamatsuBody)).Lifecycles.Select(l => l.ProjectId));
        Assert.Equal([hamamatsu.Id], (await projects.Lifecycles(new ListLifecyclesRequest(), JenaPartner)).Lifecycles.Select(l => l.ProjectId));
        Assert.Equal([suwa.Id], (await projects.Lifecycles(new ListLifecyclesRequest(), SuwaBody)).Lifecycles.Select(l => l.ProjectId));
        Assert.Equal([suwa.Id], (await projects.Lifecycles(new ListLifecyclesRequest(), DalianPartner)).Lifecycles.Select(l => l.ProjectId));
        Assert.Empty((await projects.Lifecycles(new ListLifecyclesRequest(), Caller.Partner("busan-city"))).Lifecycles);

        // Coordinators: everything, filtered and paged; the list leaves the history to GetLifecycle.
        var first = await projects.Lifecycles(new ListLifecyclesRequest { Page = new PageRequest { PageSize = 1 } });
        Assert.Equal((2, 1, hamamatsu.Id), (first.TotalCount, first.Lifecycles.Count, first.Lifecycles[0].ProjectId));
        Assert.Empty(first.Lifecycles[0].History);
        var second = await projects.Lifecycles(new ListLifecyclesRequest { Page = new PageRequest { PageSize = 1, PageToken = first.NextPageToken } });
        Assert.Equal((suwa.Id, ""), (second.Lifecycles.Single().ProjectId, second.NextPageToken));
        var proposed = await projects.Lifecycles(new ListLifecyclesRequest { Stage = LifecycleStage.Proposed });
        Assert.Equal([suwa.Id], proposed.Lifecycles.Select(l => l.ProjectId));
        var adoption = proposed.Lifecycles[0].WaitingFor.Single();
        Assert.Equal((LifecycleWaitKind.Adoption, "coordinator"), (adoption.Kind, adoption.Party));
        Assert.Equal([hamamatsu.Id], (await projects.Lifecycles(new ListLifecyclesRequest { WaitingFor = LifecycleWaitKind.FiscalYearEnd })).Lifecycles.Select(l => l.ProjectId));

        var history = (await projects.Lifecycle(hamamatsu.Id, JenaPartner)).History;
        Assert.Equal(["registered", "adopted", "activated"], history.Select(s => s.Step));
        Assert.Equal(["hamamatsu-city (implementation-body)", "programme-office (coordinator)", "programme-office (coordinator)"], history.Select(s => s.Actor));
        Assert.Equal([LifecycleStage.Unspecified, LifecycleStage.Proposed, LifecycleStage.Adopted], history.Select(s => s.FromStage));
        Assert.Equal([LifecycleStage.Proposed, LifecycleStage.Adopted, LifecycleStage.Active], history.Select(s => s.ToStage));
    }
}
