using Exchange.Contracts.Projects;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Outbox;
using Exchange.Surveys.Data;
using Exchange.Surveys.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Surveys.IntegrationEvents;

/// <summary>
/// A completed project is due follow-up surveys at completion and in the configured later fiscal
/// years (<see cref="FollowUpSchedule"/>). One schedule per project and offset: a redelivered
/// completion finds its inbox row, and a second completion of the same project (another message
/// id) finds the schedules already there.
/// </summary>
public sealed class ProjectCompletedConsumer(SurveysDb db, IEventOutbox outbox, FollowUpSchedule followUps, TimeProvider clock, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, SurveysDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProjectCompleted> context)
    {
        var completed = context.Message;
        var existing = await Db.ScheduledSurveys.Where(s => s.ProjectId == completed.ProjectId).Select(s => s.OffsetFiscalYears).ToListAsync(context.CancellationToken);
        var now = clock.GetUtcNow();
        var completedOn = DateOnly.FromDateTime(completed.OccurredAt.UtcDateTime);
        var planned = followUps.OffsetFiscalYears.Union(existing).ToList();
        foreach (var offset in followUps.OffsetFiscalYears.Except(existing))
        {
            var schedule = ScheduledSurvey.For(completed.ProjectId, completed.LastFiscalYear, completedOn, offset, followUps.QuestionnaireId, now);
            Db.ScheduledSurveys.Add(schedule);
            await outbox.AddAsync(Db, completed.ProjectId.ToString(), SurveyEvents.Scheduled(schedule, planned), cancellationToken: context.CancellationToken);
            logger.LogInformation("Follow-up survey of project {ProjectId} scheduled for FY{DueFiscalYear} ({Offset} after its last supported year)",
                completed.ProjectId, schedule.DueFiscalYear, offset);
        }
    }
}
