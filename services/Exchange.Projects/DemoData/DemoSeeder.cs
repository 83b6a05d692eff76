using Exchange.Messaging.Outbox;
using Exchange.Projects.Data;
using Exchange.Projects.IntegrationEvents;
using Exchange.Projects.Model;
using Exchange.Projects.V1;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Projects.DemoData;

/// <summary>
/// Loads <see cref="DemoProjects"/> through the model, the way the API would have built them, so
/// that every rule holds and every event is published. Loading twice adds nothing.
/// </summary>
public sealed class DemoSeeder(ProjectsDb db, IEventOutbox outbox, ILogger<DemoSeeder> logger)
{
    public const string RequestIdPrefix = "demo-";

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var demo in DemoProjects.All)
        {
            var requestId = RequestIdPrefix + demo.Key;
            if (await db.Projects.AnyAsync(p => p.RequestId == requestId, cancellationToken)) continue;
            var project = Build(demo, requestId);
            db.Projects.Add(project);
            await outbox.AddAsync(db, project.Id.ToString(), ProjectEvents.Snapshot(project), cancellationToken: cancellationToken);
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0) logger.LogInformation("Loaded {Count} demo projects", added);
        return added;
    }

    private static Model.Project Build(DemoProjects.Demo demo, string requestId)
    {
        var first = demo.SupportedYears[0];
        var last = demo.SupportedYears[^1];
        // Events are dated in the fiscal years they happened in, not today.
        var when = new DateTimeOffset(FiscalYear.Start(first).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var registration = new ProjectRegistration(requestId, demo.Programme, demo.Title, demo.Region, demo.OverseasRegions, demo.Sector, demo.Theme,
            demo.DomesticBody, demo.OverseasBodies, DemoProjects.IllustrativeMembers(demo), first, last);
        var project = Model.Project.Register(registration, demo.DomesticBody.OrganisationId, when.AddMonths(-2));
        project.Adopt(first, AdoptionRuleSet.Default(demo.Programme, first), when);
        project.Activate(when);
        foreach (var year in demo.SupportedYears.Skip(1))
        {
            var start = new DateTimeOffset(FiscalYear.Start(year).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var expands = demo.ExpandedRegion is not null && year == last;
            project.Continue(year, expands ? demo.ExpandedRegion : null, expands ? demo.ExpandedBody : null, AdoptionRuleSet.Default(demo.Programme, year), start.AddDays(-10));
            project.Activate(start);
        }
        if (demo.FinalStatus is ProjectStatus.Completed or ProjectStatus.FollowUp)
        {
            var end = new DateTimeOffset(FiscalYear.End(last).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            project.Complete(end);
            if (demo.FinalStatus == ProjectStatus.FollowUp) project.StartFollowUp(ExchangeStatus.Continuing, end.AddDays(1));
        }
        return project;
    }
}
