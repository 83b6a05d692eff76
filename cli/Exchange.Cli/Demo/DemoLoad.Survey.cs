using Exchange.Cli.Gateway;
using Exchange.Common.V1;
using Exchange.Surveys.V1;

namespace Exchange.Cli.Demo;

public sealed partial class DemoLoad
{
    private async Task SurveyAsync()
    {
        var request = new CreateSurveyRoundRequest
        {
            RequestId = DemoCatalogue.SurveyRequestId,
            Title = new LocalizedText { En = "Success factors of the Region-to-Region cases, follow-up FY2008", Ja = "地域間交流事業の成功要因調査（2008年度フォローアップ）" },
            QuestionnaireId = "success-factor",
            FiscalYear = DemoCatalogue.SurveyFiscalYear,
        };
        request.Projects.Add(DemoCatalogue.SurveyTargets.Select(t => new ProjectTarget { ProjectId = ProjectId(t.Project) }));
        // The Surveys service learns projects from events; the first call may come before it has.
        var created = await Eventually.CallAsync(() => _coordinator.Call(Api.Surveys.CreateRound, request, cancellationToken), cancellationToken);
        var round = created.Round;
        var tokens = created.Invitations.ToDictionary(i => i.Invitation.ProjectId, i => i.Token, StringComparer.Ordinal);

        var answering = DemoCatalogue.SurveyTargets.Where(t => t.Answers is not null).ToDictionary(t => ProjectId(t.Project), t => t.Answers!, StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            // Opened by an earlier run, whose tokens are gone. Only when that run stopped before
            // every respondent had answered are new tokens issued to the ones still to answer.
            var invitations = await _coordinator.Call(Api.Surveys.ListInvitations,
                new ListInvitationsRequest { RoundId = round.Id, Page = new PageRequest { PageSize = 500 } }, cancellationToken);
            var missing = invitations.Invitations.Where(i => answering.ContainsKey(i.ProjectId) && i.Status != InvitationStatus.Submitted).ToList();
            if (missing.Count > 0)
            {
                var reminded = await _coordinator.Call(Api.Surveys.Remind, new RemindNonRespondentsRequest { RoundId = round.Id, ReissueTokens = true }, cancellationToken);
                foreach (var issued in reminded.Reminded) tokens[issued.Invitation.ProjectId] = issued.Token;
            }
        }
        foreach (var (projectId, answers) in answering)
        {
            if (!tokens.TryGetValue(projectId, out var token) || token.Length == 0) continue;
            var submit = new SubmitResponseRequest { Token = token };
            submit.Answers.Add(answers.ToAnswers());
            await _coordinator.Call(Api.Surveys.SubmitResponse, submit, cancellationToken);
        }
        round = await _coordinator.Call(Api.Surveys.GetRound, new GetSurveyRoundRequest { RoundId = round.Id }, cancellationToken);
        Summary.Round = (round.Id, round.ResponseRate?.Line ?? "");
    }
}
