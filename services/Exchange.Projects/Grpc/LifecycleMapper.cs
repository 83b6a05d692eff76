using Exchange.Common.V1;
using Exchange.Projects.Lifecycle;
using Exchange.Projects.V1;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Projects.Grpc;

/// <summary>Lifecycle, model to wire.</summary>
public static class LifecycleMapper
{
    public static V1.ProjectLifecycle ToMessage(Model.Project project, Lifecycle.ProjectLifecycle lifecycle, LifecycleFacts facts, IReadOnlyList<WaitValue> waits, IEnumerable<Lifecycle.LifecycleStep>? history)
    {
        var message = new V1.ProjectLifecycle
        {
            ProjectId = project.Id.ToString(),
            ProjectTitle = project.Title,
            Status = project.Status,
            Stage = lifecycle.Stage,
            StageSince = Time(lifecycle.StageSince),
            FiscalYear = lifecycle.FiscalYear,
            ClaimsClosingDeadline = Time(lifecycle.ClaimsClosingDeadline),
            ClaimsClosedAt = Time(lifecycle.ClaimsClosedAt),
            ProjectVersion = project.Version,
        };
        message.WaitingFor.AddRange(waits.Select(w => new LifecycleWait
        {
            Kind = w.Kind,
            Party = w.Party,
            Reason = w.Reason,
            Since = Time(w.Since),
            DueOn = w.DueOn is { } due ? new Date { Year = due.Year, Month = due.Month, Day = due.Day } : null,
            Overdue = w.Overdue,
        }));
        message.FollowUpSurveys.AddRange(lifecycle.FollowUps.Select(f =>
        {
            var round = facts.RoundOf(f);
            return new FollowUpSurvey
            {
                ScheduleId = f.ScheduleId.ToString(),
                OffsetFiscalYears = f.OffsetFiscalYears,
                DueFiscalYear = f.DueFiscalYear,
                DueOn = new Date { Year = f.DueOn.Year, Month = f.DueOn.Month, Day = f.DueOn.Day },
                RoundId = round?.RoundId.ToString() ?? "",
                RoundClosedAt = Time(round?.ClosedAt),
            };
        }));
        if (history is not null)
        {
            message.History.AddRange(history.Select(s => new V1.LifecycleStep
            {
                At = Time(s.At),
                Step = s.Step,
                FromStage = s.FromStage,
                ToStage = s.ToStage,
                Actor = s.Actor,
                Detail = s.Detail,
            }));
        }
        return message;
    }

    public static V1.FiscalYearRollover ToMessage(Lifecycle.FiscalYearRollover rollover, bool alreadyDone)
    {
        var message = new V1.FiscalYearRollover
        {
            FiscalYear = rollover.FiscalYear,
            ClosedFiscalYear = rollover.ClosedFiscalYear,
            RolledOverBy = rollover.RolledOverBy,
            RolledOverAt = Time(rollover.RolledOverAt),
            AlreadyRolledOver = alreadyDone,
        };
        message.ClosedYearProjectIds.AddRange(rollover.ClosedYearProjectIds.Select(id => id.ToString()));
        message.ContinuedProjectIds.AddRange(rollover.ContinuedProjectIds.Select(id => id.ToString()));
        message.AwaitingDecisionProjectIds.AddRange(rollover.AwaitingDecisionProjectIds.Select(id => id.ToString()));
        message.ClosedProjectIds.AddRange(rollover.ClosedProjectIds.Select(id => id.ToString()));
        return message;
    }

    private static Timestamp? Time(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
