using Exchange.Claims.Checks;
using Exchange.Claims.Data;
using Exchange.Claims.Model;
using Exchange.Contracts.Missions;
using Exchange.Messaging;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Outbox;
using Exchange.Missions.V1;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.IntegrationEvents;

/// <summary>
/// A completed activity opens its draft claim, pre-filled with the support tool, fiscal year,
/// dates, places and funded people (a person is their organisation and normalised name: the
/// event carries no person ids). One claim per activity: an activity reopened and completed
/// again refreshes a claim still being written, and leaves one under review or decided alone.
/// </summary>
public sealed class ActivityCompletedConsumer(ClaimsDb db, ClaimChecker checker, IEventOutbox outbox, AuditTrail audit, TimeProvider clock, ILogger<ActivityCompletedConsumer> logger)
    : IdempotentConsumer<ActivityCompleted, ClaimsDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ActivityCompleted> context)
    {
        var activity = CompletedActivityOf(context.Message);
        var now = clock.GetUtcNow();
        var actor = Actor.OnEvent(nameof(ActivityCompleted));
        var claim = await Db.Claims.FirstOrDefaultAsync(c => c.ActivityId == activity.ActivityId, context.CancellationToken);
        if (claim is null)
        {
            claim = Claim.Open(activity, AuditEntry.System, now);
            claim.Record(await checker.CheckAsync(claim, context.CancellationToken));
            Db.Claims.Add(claim);
            audit.Claim(claim, "drafted", V1.ClaimStatus.Unspecified, actor, $"activity {activity.ActivityId} completed with {activity.FundedPeople.Count} funded people", now);
            await outbox.AddAsync(Db, claim.Id.ToString(), ClaimEvents.Drafted(claim), cancellationToken: context.CancellationToken);
            logger.LogInformation("Claim {ClaimId} drafted for activity {ActivityId} of project {ProjectId}", claim.Id, activity.ActivityId, activity.ProjectId);
            return;
        }
        if (!claim.Refresh(activity, now))
        {
            logger.LogInformation("Claim {ClaimId} keeps its activity data ({Status}); the completion of {CompletedAt} is older or the claim is past editing",
                claim.Id, claim.Status, activity.CompletedAt);
            return;
        }
        claim.Record(await checker.CheckAsync(claim, context.CancellationToken));
        audit.Claim(claim, "activity-refreshed", claim.Status, actor, $"activity {activity.ActivityId} completed again with {activity.FundedPeople.Count} funded people", now);
        logger.LogInformation("Claim {ClaimId} took over the activity {ActivityId} completed again", claim.Id, activity.ActivityId);
    }

    public static CompletedActivity CompletedActivityOf(ActivityCompleted message)
    {
        if (!Enum.TryParse<SupportTool>(message.SupportTool, ignoreCase: false, out var tool) || !Enum.IsDefined(tool) || tool == SupportTool.Unspecified)
            throw new MessageRejectedException($"activity {message.ActivityId} names the unknown support tool '{message.SupportTool}'");
        var people = (message.FundedPersons ?? [])
            .Select(p => new FundedPersonValue(PersonKey.Of(p.OrganisationId, p.Name), p.Name, p.OrganisationId, p.OrganisationName, p.Country, p.Role))
            .GroupBy(p => p.Key)
            .Select(g => g.First())
            .ToList();
        return new CompletedActivity(message.ActivityId, message.ProjectId, message.FiscalYear, tool,
            DateOnly.FromDateTime(message.StartDate), DateOnly.FromDateTime(message.EndDate), [.. message.Places ?? []],
            people, message.PrivateExpensePersons, message.OccurredAt);
    }
}
