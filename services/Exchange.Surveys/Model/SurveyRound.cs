using Exchange.Surveys.Rules;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Model;

/// <summary>
/// A survey round: one questionnaire version sent to a target list of projects' respondents or
/// clusters' member companies. Open while it accepts responses; closing is final.
/// </summary>
public sealed class SurveyRound
{
    private SurveyRound()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The client's request id of the creation, for idempotent retries.</summary>
    public string RequestId { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public string TitleEn { get; private set; } = "";

    public string TitleJa { get; private set; } = "";

    public string QuestionnaireId { get; private set; } = "";

    public int QuestionnaireVersion { get; private set; }

    public QuestionnairePurpose Purpose { get; private set; }

    public RoundStatus Status { get; private set; }

    public int FiscalYear { get; private set; }

    public DateOnly? RespondBy { get; private set; }

    public List<Guid> ProjectIds { get; private set; } = [];

    public List<string> ClusterIds { get; private set; } = [];

    public List<Guid> ScheduledSurveyIds { get; private set; } = [];

    /// <summary>Invitations issued so far; the next invitation's sequence number.</summary>
    public int InvitationCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public long Version { get; private set; }

    public static SurveyRound Open(string requestId, string createdBy, LocalizedText title, Questionnaire questionnaire, int fiscalYear, DateOnly? respondBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        RequestId = requestId,
        CreatedBy = createdBy,
        TitleEn = title.En,
        TitleJa = title.Ja,
        QuestionnaireId = questionnaire.Id,
        QuestionnaireVersion = questionnaire.Version,
        Purpose = questionnaire.Purpose,
        Status = RoundStatus.Open,
        FiscalYear = fiscalYear,
        RespondBy = respondBy,
        CreatedAt = now,
        Version = 1,
    };

    /// <summary>Records the targets of a batch of invitations; answers the sequence number of the first new one.</summary>
    public int AddTargets(IEnumerable<Guid> projectIds, IEnumerable<string> clusterIds, int invitations)
    {
        BusinessRule.Enforce(new RoundOpenRule(this, "takes no more respondents"));
        foreach (var id in projectIds) if (!ProjectIds.Contains(id)) ProjectIds.Add(id);
        foreach (var id in clusterIds) if (!ClusterIds.Contains(id, StringComparer.Ordinal)) ClusterIds.Add(id);
        var first = InvitationCount + 1;
        InvitationCount += invitations;
        Version++;
        return first;
    }

    public void Answers(IEnumerable<Guid> scheduledSurveyIds)
    {
        foreach (var id in scheduledSurveyIds) if (!ScheduledSurveyIds.Contains(id)) ScheduledSurveyIds.Add(id);
    }

    /// <summary>Closes the round; false when it was closed already.</summary>
    public bool Close(DateTimeOffset now)
    {
        if (Status == RoundStatus.Closed) return false;
        Status = RoundStatus.Closed;
        ClosedAt = now;
        Version++;
        return true;
    }

    /// <summary>Marks a change made through one of its invitations (reminders), so that concurrent closing is noticed.</summary>
    public void Touch() => Version++;
}
