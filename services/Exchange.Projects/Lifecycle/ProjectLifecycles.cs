using Exchange.Contracts.Claims;
using Exchange.Contracts.Projects;
using Exchange.Contracts.Surveys;
using Exchange.Messaging.Outbox;
using Exchange.Projects.Data;
using Exchange.Projects.IntegrationEvents;
using Exchange.Projects.Rules;
using Exchange.Projects.V1;
using Microsoft.EntityFrameworkCore;
using Project = Exchange.Projects.Model.Project;

namespace Exchange.Projects.Lifecycle;

/// <summary>
/// The process manager of the multi-year lifecycle. It records, in the unit of work of whatever
/// caused them, the steps of each project: the project's own changes (RPCs), the fiscal-year
/// rollover, and the facts the Claims and Surveys services report. From those it derives the
/// stage (<see cref="LifecycleDecider"/>) and takes the steps that are its own: a completed
/// project whose claims are closed and whose follow-up surveys are scheduled moves to follow-up,
/// and a project whose last follow-up survey's round closed is closed, each through the project's
/// own state transition with its events. Every fact and every step is recorded once (the
/// consumers' inbox, and a unique key per project and step), so repeated or reordered messages
/// lead to the same state. The caller saves.
/// </summary>
public sealed class ProjectLifecycles(ProjectsDb db, IEventOutbox outbox, TimeProvider clock, ILogger<ProjectLifecycles> logger)
{
    /// <summary>How the history names the process manager when it acts on an event.</summary>
    public static string ProcessActor(string trigger) => $"lifecycle on {trigger}";

    /// <summary>After a change of the project through the API: one step per lifecycle event of the change, then whatever follows by itself.</summary>
    public async Task RecordChangeAsync(Project project, IEnumerable<object> events, string actor, CancellationToken cancellationToken)
    {
        var lifecycle = await LoadOrStartAsync(project, cancellationToken);
        var steps = events.Select(LifecycleSteps.Of).OfType<(string Step, string Detail)>().ToList();
        foreach (var (step, detail) in steps) await StepAsync(project, lifecycle, $"v{project.Version}:{step}", step, actor, detail, cancellationToken);
        if (steps.Count > 0) await AdvanceAsync(project, lifecycle, steps[^1].Step, cancellationToken);
    }

    /// <summary>The Claims service started the closing period of a completed project's claims.</summary>
    public Task<bool> OnClaimsClosingStartedAsync(ProjectClaimsClosingStarted message, CancellationToken cancellationToken) =>
        OnFactAsync(message.ProjectId, nameof(ProjectClaimsClosingStarted), cancellationToken, (project, lifecycle, now) =>
            lifecycle.RecordClaimsClosingDeadline(message.Deadline, now)
                ? ("claims-closing-started", "claims-closing-started", $"claims accepted until {Japan(message.Deadline)} (Japan time)")
                : null);

    /// <summary>The Claims service closed a completed project's claims.</summary>
    public Task<bool> OnClaimsClosedAsync(ProjectClaimsClosed message, CancellationToken cancellationToken) =>
        OnFactAsync(message.ProjectId, nameof(ProjectClaimsClosed), cancellationToken, (project, lifecycle, now) =>
            lifecycle.RecordClaimsClosed(message.OccurredAt, message.Deadline, now)
                ? ("claims-closed", "claims-closed", $"closing period ended on {Japan(message.Deadline)} (Japan time); {message.PaidJpy} JPY paid" +
                    (message.UndecidedClaims > 0 ? $", {message.UndecidedClaims} submitted claims still to decide" : ""))
                : null);

    /// <summary>The Surveys service scheduled a follow-up survey of a completed project.</summary>
    public Task<bool> OnFollowUpScheduledAsync(FollowUpSurveyScheduled message, CancellationToken cancellationToken) =>
        OnFactAsync(message.ProjectId, nameof(FollowUpSurveyScheduled), cancellationToken, (project, lifecycle, now) =>
        {
            var schedule = new FollowUpScheduleValue(message.ScheduleId, message.OffsetFiscalYears, message.DueFiscalYear, DateOnly.FromDateTime(message.DueOn));
            return lifecycle.RecordFollowUp(schedule, message.PlannedOffsetFiscalYears ?? [], now)
                ? ($"schedule:{message.ScheduleId}", "follow-up-survey-scheduled",
                    $"follow-up survey due in FY{message.DueFiscalYear} ({message.OffsetFiscalYears} fiscal years after support), on {schedule.DueOn:yyyy-MM-dd}")
                : null;
        });

    /// <summary>
    /// A survey round answering follow-up surveys opened. Recorded for the projects of this
    /// service it targets; a round that closed before its opening arrived counts as closed now.
    /// </summary>
    public async Task OnRoundOpenedAsync(SurveyRoundOpened message, CancellationToken cancellationToken)
    {
        var scheduleIds = message.ScheduledSurveyIds ?? [];
        if (scheduleIds.Length == 0) return;
        var projectIds = (message.ProjectIds ?? []).Distinct().ToList();
        var projects = await db.Projects.Where(p => projectIds.Contains(p.Id)).ToListAsync(cancellationToken);
        if (projects.Count == 0) return;
        var round = await RoundAsync(message.RoundId, cancellationToken);
        if (!round.Opened(scheduleIds, projectIds, message.OccurredAt)) return;
        foreach (var project in projects)
        {
            var lifecycle = await LoadOrStartAsync(project, cancellationToken);
            var actor = ProcessActor(nameof(SurveyRoundOpened));
            await StepAsync(project, lifecycle, $"round-opened:{round.RoundId}", "follow-up-round-opened", actor,
                $"round {round.RoundId} opened by {message.OpenedBy} for FY{message.FiscalYear}: \"{message.Title}\"", cancellationToken);
            if (round.ClosedAt is { } closedAt)
                await StepAsync(project, lifecycle, $"round-closed:{round.RoundId}", "follow-up-round-closed", actor, $"round {round.RoundId} closed on {Japan(closedAt)} (Japan time)", cancellationToken);
            await AdvanceAsync(project, lifecycle, nameof(SurveyRoundOpened), cancellationToken);
        }
    }

    /// <summary>A survey round closed. Kept even before its opening is known, which may arrive later on its own queue.</summary>
    public async Task OnRoundClosedAsync(SurveyRoundClosed message, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(message.RoundId, cancellationToken);
        if (!round.Closed(message.OccurredAt) || round.OpenedAt is null) return;
        var projects = await db.Projects.Where(p => round.ProjectIds.Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var project in projects)
        {
            var lifecycle = await LoadOrStartAsync(project, cancellationToken);
            await StepAsync(project, lifecycle, $"round-closed:{round.RoundId}", "follow-up-round-closed", ProcessActor(nameof(SurveyRoundClosed)),
                $"round {round.RoundId} closed: {message.Valid} of {message.Sent} responded ({message.RatePercent:0.0} %)", cancellationToken);
            await AdvanceAsync(project, lifecycle, nameof(SurveyRoundClosed), cancellationToken);
        }
    }

    /// <summary>Records the rollover's step for a project of the closed year (or one the rollover closed).</summary>
    public async Task RecordRolloverAsync(Project project, FiscalYearRollover rollover, string actor, string detail, CancellationToken cancellationToken)
    {
        var lifecycle = await LoadOrStartAsync(project, cancellationToken);
        await StepAsync(project, lifecycle, $"rollover:{rollover.FiscalYear}", "fiscal-year-closed", actor, detail, cancellationToken);
    }

    /// <summary>The lifecycle of a project as it stands, with its facts; a project that predates lifecycle tracking gets one derived from its state.</summary>
    public async Task<(ProjectLifecycle Lifecycle, LifecycleFacts Facts)> ViewAsync(Project project, CancellationToken cancellationToken)
    {
        var lifecycle = await db.Lifecycles.AsNoTracking().FirstOrDefaultAsync(l => l.ProjectId == project.Id, cancellationToken);
        var facts = await FactsAsync(project, lifecycle, cancellationToken);
        lifecycle ??= ProjectLifecycle.Start(project.Id, LifecycleDecider.StageOf(facts), LifecycleDecider.FiscalYearOf(facts), project.UpdatedAt);
        return (lifecycle, facts);
    }

    /// <summary>The facts of a project: its state, the rollover that closed its last supported year, what Claims and Surveys reported.</summary>
    public async Task<LifecycleFacts> FactsAsync(Project project, ProjectLifecycle? lifecycle, CancellationToken cancellationToken)
    {
        var last = project.LastSupportedYear;
        FiscalYearRollover? closing = null;
        if (last > 0)
        {
            // Tracked, so that a rollover being recorded in this unit of work counts.
            await db.Rollovers.Where(r => r.ClosedFiscalYear >= last).LoadAsync(cancellationToken);
            closing = db.Rollovers.Local.Where(r => r.ClosedFiscalYear >= last).OrderBy(r => r.FiscalYear).FirstOrDefault();
        }
        var index = FollowUpRound.IndexOf(project.Id);
        await db.FollowUpRounds.Where(r => r.ProjectIndex.Contains(index)).LoadAsync(cancellationToken);
        var rounds = db.FollowUpRounds.Local.Where(r => r.ProjectIndex.Contains(index, StringComparison.Ordinal)).ToList();
        return new LifecycleFacts(project.Status, project.SupportedFiscalYears, project.PlannedFirstYear, project.PlannedLastYear, closing,
            lifecycle?.ClaimsClosingDeadline, lifecycle?.ClaimsClosedAt, lifecycle?.FollowUps ?? [], lifecycle?.PlannedFollowUpOffsets ?? [], rounds);
    }

    /// <summary>Records a fact reported about a project of this service, and what follows; false for a project this service does not hold.</summary>
    private async Task<bool> OnFactAsync(Guid projectId, string trigger, CancellationToken cancellationToken,
        Func<Project, ProjectLifecycle, DateTimeOffset, (string Key, string Step, string Detail)?> record)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            // Another platform's project on a shared broker, or a message about a project this service never held.
            logger.LogDebug("{Trigger} about unknown project {ProjectId} ignored", trigger, projectId);
            return false;
        }
        var lifecycle = await LoadOrStartAsync(project, cancellationToken);
        if (record(project, lifecycle, clock.GetUtcNow()) is { } step)
            await StepAsync(project, lifecycle, step.Key, step.Step, ProcessActor(trigger), step.Detail, cancellationToken);
        await AdvanceAsync(project, lifecycle, trigger, cancellationToken);
        return true;
    }

    /// <summary>
    /// Takes the steps that follow from the facts by themselves, each through the project's own
    /// transition with its events and a new snapshot, until none is due.
    /// </summary>
    private async Task AdvanceAsync(Project project, ProjectLifecycle lifecycle, string trigger, CancellationToken cancellationToken)
    {
        // At most two steps can follow each other (to follow-up, then closed); the bound guards against a loop.
        for (var round = 0; round < 4; round++)
        {
            var facts = await FactsAsync(project, lifecycle, cancellationToken);
            if (LifecycleDecider.NextStep(facts) is not { } next)
            {
                // Keeps the stored stage (which listing filters on) the one the facts give.
                var (stage, year) = (LifecycleDecider.StageOf(facts), LifecycleDecider.FiscalYearOf(facts));
                if (stage != lifecycle.Stage || year != lifecycle.FiscalYear) lifecycle.MoveTo(stage, year, clock.GetUtcNow());
                return;
            }
            var now = clock.GetUtcNow();
            object change;
            if (next.Action == LifecycleAction.StartFollowUp)
            {
                project.BeginFollowUp(next.Reason, now);
                change = new ProjectFollowUpChanged(project.Id, "NotYetReviewed", 0, now);
            }
            else
            {
                project.Close(next.Reason, now);
                change = new ProjectClosed(project.Id, project.StatusReason, now);
            }
            await outbox.AddAsync(db, project.Id.ToString(), change, cancellationToken: cancellationToken);
            await outbox.AddAsync(db, project.Id.ToString(), ProjectEvents.Snapshot(project), cancellationToken: cancellationToken);
            await StepAsync(project, lifecycle, $"auto:{next.Step}", next.Step, ProcessActor(trigger), next.Reason, cancellationToken);
            logger.LogInformation("Lifecycle: project {ProjectId} is now {Status} ({Reason})", project.Id, project.Status, next.Reason);
        }
    }

    /// <summary>Appends a step once per key, moving the lifecycle to the stage the facts now give.</summary>
    private async Task StepAsync(Project project, ProjectLifecycle lifecycle, string key, string step, string actor, string detail, CancellationToken cancellationToken)
    {
        if (db.LifecycleSteps.Local.Any(s => s.ProjectId == project.Id && s.Key == key)
            || await db.LifecycleSteps.AnyAsync(s => s.ProjectId == project.Id && s.Key == key, cancellationToken)) return;
        var facts = await FactsAsync(project, lifecycle, cancellationToken);
        var now = clock.GetUtcNow();
        var from = lifecycle.Stage;
        var to = LifecycleDecider.StageOf(facts);
        lifecycle.MoveTo(to, LifecycleDecider.FiscalYearOf(facts), now);
        db.LifecycleSteps.Add(LifecycleStep.Record(project.Id, lifecycle.NextStep(now), key, step, from, to, actor, detail, now));
    }

    private async Task<ProjectLifecycle> LoadOrStartAsync(Project project, CancellationToken cancellationToken)
    {
        var lifecycle = db.Lifecycles.Local.FirstOrDefault(l => l.ProjectId == project.Id)
            ?? await db.Lifecycles.FirstOrDefaultAsync(l => l.ProjectId == project.Id, cancellationToken);
        if (lifecycle is not null) return lifecycle;
        // Before its first step the stage is unknown: a new project's first step is its registration;
        // a project older than the lifecycle's records starts its history with the step now taken.
        lifecycle = ProjectLifecycle.Start(project.Id, LifecycleStage.Unspecified, project.LastSupportedYear > 0 ? project.LastSupportedYear : project.PlannedFirstYear, clock.GetUtcNow());
        db.Lifecycles.Add(lifecycle);
        return lifecycle;
    }

    private async Task<FollowUpRound> RoundAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var round = db.FollowUpRounds.Local.FirstOrDefault(r => r.RoundId == roundId)
            ?? await db.FollowUpRounds.FirstOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);
        if (round is not null) return round;
        round = FollowUpRound.For(roundId);
        db.FollowUpRounds.Add(round);
        return round;
    }

    private static string Japan(DateTimeOffset at) => at.ToOffset(JapanCalendar.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
