using Exchange.Contracts.Missions;
using Exchange.Contracts.Projects;
using Exchange.Messaging;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Outbox;
using Exchange.Projects.Data;
using Exchange.Projects.Model;
using Exchange.Projects.V1;
using Exchange.Rpc;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Projects.IntegrationEvents;

/// <summary>
/// Records the outcome of a mission or invitation as an achievement of its project. Once per
/// message (inbox) and once per achievement id (the model), so redelivery has no second effect.
/// An outcome the project cannot take (unknown project, a broken rule) goes to the error queue
/// at once, since retrying cannot help.
/// </summary>
public sealed class ActivityOutcomeConsumer(ProjectsDb db, IEventOutbox outbox, TimeProvider clock, ILogger<ActivityOutcomeConsumer> logger)
    : IdempotentConsumer<ActivityOutcomeReported, ProjectsDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ActivityOutcomeReported> context)
    {
        var outcome = context.Message;
        var project = await Db.Projects.FirstOrDefaultAsync(p => p.Id == outcome.ProjectId, context.CancellationToken)
            ?? throw new MessageRejectedException($"project {outcome.ProjectId} not found");
        if (!Enum.TryParse<AchievementKind>(outcome.Kind, ignoreCase: false, out var kind) || kind == AchievementKind.Unspecified || !Enum.IsDefined(kind))
            throw new MessageRejectedException($"'{outcome.Kind}' is not an achievement kind");
        if (string.IsNullOrWhiteSpace(outcome.AchievementId) || string.IsNullOrWhiteSpace(outcome.Description))
            throw new MessageRejectedException("an outcome needs an achievement id and a description");

        var now = clock.GetUtcNow();
        var achievement = new AchievementRecord(outcome.AchievementId, kind, DateOnly.FromDateTime(outcome.AchievedOn), outcome.Description,
            outcome.ActivityId, outcome.ReportedBy, now);
        try
        {
            if (!project.RecordAchievement(achievement, now)) return;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            throw new MessageRejectedException($"project {project.Id} cannot take the outcome: {ex.Status.Detail}");
        }
        await outbox.AddAsync(Db, project.Id.ToString(), new AchievementRecorded(project.Id, achievement.Id, kind.ToString(),
            project.TimingOf(achievement).ToString(), outcome.AchievedOn, outcome.ActivityId, outcome.ReportedBy, now), cancellationToken: context.CancellationToken);
        await outbox.AddAsync(Db, project.Id.ToString(), ProjectEvents.Snapshot(project), cancellationToken: context.CancellationToken);
        logger.LogInformation("Outcome of activity {ActivityId} recorded as achievement {AchievementId} of project {ProjectId}",
            outcome.ActivityId, achievement.Id, project.Id);
    }
}
