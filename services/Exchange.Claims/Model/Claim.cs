using Exchange.Claims.Rules;
using Exchange.Claims.V1;
using Exchange.Missions.V1;

namespace Exchange.Claims.Model;

/// <summary>
/// The costs claimed for one completed activity, and their way through review to payment. Every
/// transition goes through a method that checks the lifecycle first, so that a refused change
/// leaves the claim as it was. The content checks (<see cref="Checks.ClaimCheck"/>) run on every
/// save and before every submission.
/// </summary>
public sealed class Claim
{
    private Claim()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int FiscalYear { get; private set; }

    public Guid ActivityId { get; private set; }

    public SupportTool SupportTool { get; private set; }

    public DateOnly ActivityStart { get; private set; }

    public DateOnly ActivityEnd { get; private set; }

    public List<string> Places { get; private set; } = [];

    public List<FundedPersonValue> FundedPeople { get; private set; } = [];

    public int PrivateExpensePersons { get; private set; }

    /// <summary>When the activity was reported completed; a later report replaces an earlier one.</summary>
    public DateTimeOffset ActivityCompletedAt { get; private set; }

    public ClaimStatus Status { get; private set; }

    public List<ClaimLineValue> Lines { get; private set; } = [];

    public List<ViolationValue> Violations { get; private set; } = [];

    /// <summary>Possible double claims within this claim; those against other claims are found when read.</summary>
    public List<DuplicateFlagValue> Duplicates { get; private set; } = [];

    public int DuplicateCount { get; private set; }

    public long ClaimedJpy { get; private set; }

    public long SanctionedJpy { get; private set; }

    public int RulebookVersion { get; private set; }

    public string StatusReason { get; private set; } = "";

    /// <summary>The request id of the last submission, which makes submitting idempotent.</summary>
    public string SubmitRequestId { get; private set; } = "";

    public long Version { get; private set; }

    public string OpenedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Days of the activity, both ends included: the multiplier of per-day caps.</summary>
    public int ActivityDays => ActivityEnd.DayNumber - ActivityStart.DayNumber + 1;

    public static Claim Open(CompletedActivity activity, string openedBy, DateTimeOffset now)
    {
        var claim = new Claim
        {
            Id = Guid.NewGuid(),
            ProjectId = activity.ProjectId,
            ActivityId = activity.ActivityId,
            Status = ClaimStatus.Draft,
            OpenedBy = openedBy,
            CreatedAt = now,
        };
        claim.TakeOver(activity);
        claim.Touch(now);
        return claim;
    }

    /// <summary>
    /// A reopened and completed-again activity reports its final roster: a claim still being
    /// written takes it over; one under review or decided keeps what it was submitted with.
    /// False when nothing changed.
    /// </summary>
    public bool Refresh(CompletedActivity activity, DateTimeOffset now)
    {
        if (activity.CompletedAt <= ActivityCompletedAt) return false;
        if (Status is not (ClaimStatus.Draft or ClaimStatus.Returned)) return false;
        TakeOver(activity);
        Touch(now);
        return true;
    }

    public void ReplaceLines(List<ClaimLineValue> lines, DateTimeOffset now)
    {
        BusinessRule.Enforce(new ClaimLifecycleRule(Status, ClaimAction.Save));
        Lines = lines;
        Touch(now);
    }

    /// <summary>Keeps what the checks found: converted lines, violations, duplicates within the claim, the rulebook version.</summary>
    public void Record(Checks.ClaimCheckResult result)
    {
        Lines = result.Lines;
        Violations = result.Violations;
        Duplicates = result.Duplicates;
        DuplicateCount = result.Duplicates.Count;
        ClaimedJpy = result.Lines.Sum(l => l.AmountJpy ?? 0);
        RulebookVersion = result.RulebookVersion;
    }

    /// <summary>Draft -> submitted, returned -> resubmitted. The caller has run the checks and found nothing.</summary>
    public void Submit(string requestId, DateTimeOffset now)
    {
        BusinessRule.Enforce(new ClaimLifecycleRule(Status, ClaimAction.Submit));
        Status = Status == ClaimStatus.Returned ? ClaimStatus.Resubmitted : ClaimStatus.Submitted;
        SubmitRequestId = requestId;
        SubmittedAt = now;
        Touch(now);
    }

    public void StartReview(DateTimeOffset now) => MoveTo(ClaimAction.StartReview, ClaimStatus.UnderReview, StatusReason, now);

    public void Return(string reason, DateTimeOffset now) => MoveTo(ClaimAction.Return, ClaimStatus.Returned, reason, now);

    public void Reject(string reason, DateTimeOffset now)
    {
        MoveTo(ClaimAction.Reject, ClaimStatus.Rejected, reason, now);
        DecidedAt = now;
    }

    /// <summary>Approves with what the programme pays per line (yen); lines without a sanction are paid in full.</summary>
    public void Approve(IReadOnlyDictionary<string, (long Yen, string Reason)> sanctions, string note, DateTimeOffset now)
    {
        BusinessRule.Enforce(new ClaimLifecycleRule(Status, ClaimAction.Approve));
        Lines = [.. Lines.Select(l => sanctions.TryGetValue(l.Id, out var s)
            ? l with { SanctionedJpy = s.Yen, SanctionReason = s.Reason }
            : l with { SanctionedJpy = l.AmountJpy ?? 0, SanctionReason = "" })];
        SanctionedJpy = Lines.Sum(l => l.SanctionedJpy ?? 0);
        MoveTo(ClaimAction.Approve, ClaimStatus.Approved, note, now);
        DecidedAt = now;
    }

    public void MarkPaid(DateTimeOffset now) => MoveTo(ClaimAction.Pay, ClaimStatus.Paid, StatusReason, now);

    private void MoveTo(ClaimAction action, ClaimStatus to, string reason, DateTimeOffset now)
    {
        BusinessRule.Enforce(new ClaimLifecycleRule(Status, action));
        Status = to;
        StatusReason = reason;
        Touch(now);
    }

    private void TakeOver(CompletedActivity activity)
    {
        FiscalYear = activity.FiscalYear;
        SupportTool = activity.SupportTool;
        ActivityStart = activity.Start;
        ActivityEnd = activity.End;
        Places = [.. activity.Places];
        FundedPeople = [.. activity.FundedPeople];
        PrivateExpensePersons = activity.PrivateExpensePersons;
        ActivityCompletedAt = activity.CompletedAt;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
