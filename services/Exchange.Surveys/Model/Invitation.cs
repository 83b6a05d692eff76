using Exchange.Surveys.Rules;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Model;

/// <summary>
/// One respondent's invitation to a round, and the response given through it. The token is kept
/// only as its hash. Answers are saved as often as the respondent likes until the response is
/// submitted; a submission is final.
/// </summary>
public sealed class Invitation
{
    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    /// <summary>Order of issue within the round (1, 2, ...).</summary>
    public int Sequence { get; private set; }

    public string TokenHash { get; private set; } = "";

    public Guid? ProjectId { get; private set; }

    public string ClusterId { get; private set; } = "";

    public string RespondentName { get; private set; } = "";

    public string OrganisationId { get; private set; } = "";

    public string OrganisationName { get; private set; } = "";

    public string Role { get; private set; } = "";

    public string Contact { get; private set; } = "";

    public List<AttributeValue> Attributes { get; private set; } = [];

    public InvitationStatus Status { get; private set; }

    public int RemindersSent { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset? LastRemindedAt { get; private set; }

    /// <summary>Saved answers while in progress; the submitted answers once submitted. In questionnaire order.</summary>
    public List<StoredAnswer> Answers { get; private set; } = [];

    public DateTimeOffset? SavedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>SHA-256 of the submitted answers' canonical form; empty until submitted.</summary>
    public string AnswersDigest { get; private set; } = "";

    public long Version { get; private set; }

    public static Invitation Issue(SurveyRound round, int sequence, RespondentRecord respondent, string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        RoundId = round.Id,
        Sequence = sequence,
        TokenHash = tokenHash,
        ProjectId = respondent.ProjectId,
        ClusterId = respondent.ClusterId,
        RespondentName = respondent.Name,
        OrganisationId = respondent.OrganisationId,
        OrganisationName = respondent.OrganisationName,
        Role = respondent.Role,
        Contact = respondent.Contact,
        Attributes = [.. respondent.Attributes],
        Status = InvitationStatus.Sent,
        SentAt = now,
        Version = 1,
    };

    /// <summary>Replaces the saved answers (in questionnaire order) before submission.</summary>
    public void Save(SurveyRound round, IReadOnlyList<StoredAnswer> answers, DateTimeOffset now)
    {
        BusinessRule.Enforce(new RoundOpenRule(round, "accepts no more answers"));
        BusinessRule.Enforce(new SubmittedOnceRule(this, "its answers can no longer be changed"));
        Answers = [.. answers];
        Status = InvitationStatus.InProgress;
        SavedAt = now;
        Version++;
    }

    /// <summary>
    /// Submits <paramref name="answers"/>, checked complete by the caller. Submitting again with
    /// the same answers changes nothing (a retry); with other answers it is refused.
    /// </summary>
    public bool Submit(SurveyRound round, IReadOnlyList<StoredAnswer> answers, string digest, DateTimeOffset now)
    {
        if (Status == InvitationStatus.Submitted && AnswersDigest == digest) return false;
        BusinessRule.Enforce(new SubmittedOnceRule(this, "a different submission is refused"));
        BusinessRule.Enforce(new RoundOpenRule(round, "accepts no more responses"));
        Answers = [.. answers];
        AnswersDigest = digest;
        Status = InvitationStatus.Submitted;
        SavedAt = now;
        SubmittedAt = now;
        Version++;
        return true;
    }

    /// <summary>Counts a reminder; with <paramref name="newTokenHash"/> the old token stops working.</summary>
    public void Remind(DateTimeOffset now, string? newTokenHash)
    {
        RemindersSent++;
        LastRemindedAt = now;
        if (newTokenHash is not null) TokenHash = newTokenHash;
        Version++;
    }
}
