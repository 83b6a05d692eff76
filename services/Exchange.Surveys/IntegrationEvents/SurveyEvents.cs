using Exchange.Contracts.Surveys;
using Exchange.Surveys.Model;

namespace Exchange.Surveys.IntegrationEvents;

/// <summary>The integration events of rounds, invitations, responses and schedules, built from their state after the change.</summary>
public static class SurveyEvents
{
    public static SurveyRoundOpened Opened(SurveyRound round, DateTimeOffset now) => new(
        round.Id, round.TitleEn, round.QuestionnaireId, round.QuestionnaireVersion, round.Purpose.ToString(), round.FiscalYear, round.InvitationCount,
        [.. round.ProjectIds], [.. round.ClusterIds], [.. round.ScheduledSurveyIds], round.CreatedBy, now);

    public static SurveyInvitationSent Sent(Invitation invitation, bool tokenReissued, DateTimeOffset now) => new(
        invitation.RoundId, invitation.Id, invitation.ProjectId, invitation.ClusterId, invitation.RespondentName, invitation.OrganisationId,
        invitation.Contact, invitation.RemindersSent, tokenReissued, now);

    public static SurveyResponseSubmitted Submitted(SurveyRound round, Invitation invitation, int valid, int sent) => new(
        round.Id, invitation.Id, invitation.ProjectId, invitation.ClusterId, round.QuestionnaireId, round.QuestionnaireVersion, invitation.Answers.Count,
        invitation.AnswersDigest, valid, sent, invitation.SubmittedAt!.Value);

    public static SurveyRoundClosed Closed(SurveyRound round, int sent, int valid, string closedBy) => new(
        round.Id, sent, valid, Analytics.Shares.PerMille(valid, sent) / 10m, closedBy, round.ClosedAt!.Value);

    /// <summary>A schedule, with every offset the project is due (<paramref name="plannedOffsets"/>), so that consumers know which survey is the last.</summary>
    public static FollowUpSurveyScheduled Scheduled(ScheduledSurvey schedule, IEnumerable<int> plannedOffsets) => new(
        schedule.Id, schedule.ProjectId, schedule.OffsetFiscalYears, schedule.DueFiscalYear,
        schedule.DueOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), schedule.QuestionnaireId, schedule.ScheduledAt, [.. plannedOffsets.Order()]);
}
