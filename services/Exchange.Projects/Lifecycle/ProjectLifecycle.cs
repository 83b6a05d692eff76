using Exchange.Projects.V1;

namespace Exchange.Projects.Lifecycle;

/// <summary>
/// The process manager's state of one project: the stage it last recorded, and the facts other
/// services reported (the claims' closing deadline and end, the follow-up surveys scheduled).
/// Facts are recorded once whatever order they arrive in; the stage follows from them and from the
/// project itself (<see cref="LifecycleDecider"/>).
/// </summary>
public sealed class ProjectLifecycle
{
    private ProjectLifecycle()
    {
    }

    public Guid ProjectId { get; private set; }

    public LifecycleStage Stage { get; private set; }

    public DateTimeOffset StageSince { get; private set; }

    public int FiscalYear { get; private set; }

    public DateTimeOffset? ClaimsClosingDeadline { get; private set; }

    public DateTimeOffset? ClaimsClosedAt { get; private set; }

    public List<FollowUpScheduleValue> FollowUps { get; private set; } = [];

    /// <summary>Every offset the Surveys service scheduled with the follow-ups: tells when all of them are known, and which is last.</summary>
    public List<int> PlannedFollowUpOffsets { get; private set; } = [];

    /// <summary>Steps recorded so far; the next step's sequence number is one more.</summary>
    public int StepCount { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ProjectLifecycle Start(Guid projectId, LifecycleStage stage, int fiscalYear, DateTimeOffset since) => new()
    {
        ProjectId = projectId,
        Stage = stage,
        FiscalYear = fiscalYear,
        StageSince = since,
        UpdatedAt = since,
    };

    /// <summary>Moves to <paramref name="stage"/>; the time it entered it stays when it is already there.</summary>
    public void MoveTo(LifecycleStage stage, int fiscalYear, DateTimeOffset now)
    {
        if (stage != Stage || fiscalYear != FiscalYear) StageSince = now;
        Stage = stage;
        FiscalYear = fiscalYear;
        Touch(now);
    }

    public int NextStep(DateTimeOffset now)
    {
        StepCount++;
        Touch(now);
        return StepCount;
    }

    /// <summary>False when the deadline was known already.</summary>
    public bool RecordClaimsClosingDeadline(DateTimeOffset deadline, DateTimeOffset now)
    {
        if (ClaimsClosingDeadline is not null) return false;
        ClaimsClosingDeadline = deadline;
        Touch(now);
        return true;
    }

    /// <summary>False when the claims were known closed already.</summary>
    public bool RecordClaimsClosed(DateTimeOffset closedAt, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (ClaimsClosedAt is not null) return false;
        ClaimsClosedAt = closedAt;
        ClaimsClosingDeadline ??= deadline;
        Touch(now);
        return true;
    }

    /// <summary>False when the schedule was known already (by id, or its offset by another id).</summary>
    public bool RecordFollowUp(FollowUpScheduleValue schedule, IEnumerable<int> plannedOffsets, DateTimeOffset now)
    {
        foreach (var offset in plannedOffsets) if (!PlannedFollowUpOffsets.Contains(offset)) PlannedFollowUpOffsets.Add(offset);
        PlannedFollowUpOffsets.Sort();
        if (FollowUps.Any(f => f.ScheduleId == schedule.ScheduleId || f.OffsetFiscalYears == schedule.OffsetFiscalYears))
        {
            Touch(now);
            return false;
        }
        FollowUps = [.. FollowUps.Append(schedule).OrderBy(f => f.OffsetFiscalYears)];
        Touch(now);
        return true;
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}

/// <summary>A follow-up survey the Surveys service scheduled: due <see cref="OffsetFiscalYears"/> after the last supported year.</summary>
public sealed record FollowUpScheduleValue(Guid ScheduleId, int OffsetFiscalYears, int DueFiscalYear, DateOnly DueOn);
