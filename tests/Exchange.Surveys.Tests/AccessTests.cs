using System.Net;
using System.Net.Http.Headers;
using Exchange.Messaging.Persistence;
using Exchange.Rpc;
using Exchange.Surveys.Tests.Infrastructure;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Infrastructure.Samples;

namespace Exchange.Surveys.Tests;

/// <summary>
/// Coordinators run surveys; implementation bodies and partners see their own projects' scores and
/// schedules; respondents reach their own response with the invitation token and nothing else.
/// </summary>
[Collection(SurveysCollection.Name)]
public sealed class AccessTests(SurveysFixture fixture)
{
    [Fact]
    public async Task Only_coordinators_run_rounds_and_analyses()
    {
        var deployment = fixture.On(DatabaseProvider.Sqlite);
        var body = TieUps.HamamatsuBody;
        var partner = TieUps.JenaPartner;
        foreach (var caller in new[] { body, partner })
        {
            await deployment.Surveys.Refused(StatusCode.PermissionDenied, "survey-coordination: only programme coordinators open survey rounds", () => deployment.Client.CreateRound(new CreateSurveyRoundRequest
            {
                RequestId = "x",
                Title = new LocalizedText { En = "x" },
                QuestionnaireId = "success-factor",
                Projects = { new ProjectTarget { ProjectId = Guid.NewGuid().ToString() } },
            }, caller));
            var refusal = await Assert.ThrowsAsync<RpcException>(() => deployment.Client.CrossTab(new CrossTabulateRequest { Selection = SurveysClient.Rounds(Guid.NewGuid().ToString()), QuestionId = "reasons" }, caller));
            Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
            refusal = await Assert.ThrowsAsync<RpcException>(() => deployment.Client.Questionnaires(caller));
            Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        }
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => deployment.Client.Close(Guid.NewGuid().ToString(), body))).StatusCode);
    }

    [Fact]
    public async Task Implementation_bodies_see_their_own_projects_scores_with_the_programme_average_and_nothing_else()
    {
        var deployment = fixture.On(DatabaseProvider.Sqlite);
        var hamamatsu = await deployment.ActiveProject(HamamatsuJena());
        var osaka = await deployment.ActiveProject(EastOsakaDalian());
        var created = await deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Title = new LocalizedText { En = "Scores" },
            QuestionnaireId = "success-factor",
            Projects = { new ProjectTarget { ProjectId = hamamatsu.Id }, new ProjectTarget { ProjectId = osaka.Id } },
        });
        // Hamamatsu: long-term 5 (100) and "continuing with own budget" (100); Osaka: 1 (0) and "ceased" (0).
        await deployment.Respondent.Submit(created.Invitations.Single(i => i.Invitation.ProjectId == hamamatsu.Id).Token,
            SuccessFactors("sufficiently", "during", ["none"], Scale("sp-long-term", 5)));
        await deployment.Respondent.Submit(created.Invitations.Single(i => i.Invitation.ProjectId == osaka.Id).Token,
            SuccessFactors("sufficiently", "during", ["none"], Scale("sp-long-term", 1), Options("exchange-status", "ceased")));
        var request = new GetSuccessPointScoresRequest { Selection = SurveysClient.Rounds(created.Round.Id), ProjectId = hamamatsu.Id };

        foreach (var caller in new[] { TieUps.HamamatsuBody, TieUps.JenaPartner })
        {
            var own = await deployment.Client.SuccessPoints(request, caller);
            var project = Assert.Single(own.Projects);
            Assert.Equal(hamamatsu.Id, project.ProjectId);
            var longTerm = project.Points.Single(p => p.Point == SuccessPoint.LongTermPerspective);
            Assert.Equal((100.0, 50.0, 50.0), (longTerm.Score, longTerm.ProgrammeAverage, longTerm.Difference));
            Assert.DoesNotContain(osaka.Id, own.Csv, StringComparison.Ordinal);
        }
        var other = await Assert.ThrowsAsync<RpcException>(() => deployment.Client.SuccessPoints(request, Caller.Body("higashiosaka-city")));
        Assert.Equal(StatusCode.NotFound, other.StatusCode);
        var all = await Assert.ThrowsAsync<RpcException>(() => deployment.Client.SuccessPoints(new GetSuccessPointScoresRequest { Selection = request.Selection }, TieUps.HamamatsuBody));
        Assert.Equal(StatusCode.PermissionDenied, all.StatusCode);
    }

    [Fact]
    public async Task Respondent_calls_need_no_platform_token_and_the_coordinators_calls_still_do()
    {
        var deployment = fixture.On(DatabaseProvider.Sqlite);
        var project = await deployment.ActiveProject(HamamatsuJena());
        var created = await deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Title = new LocalizedText { En = "Open door" },
            QuestionnaireId = "success-factor",
            Projects = { new ProjectTarget { ProjectId = project.Id } },
        });
        using var http = new HttpClient { BaseAddress = deployment.Surveys.Host.HttpAddress };

        // Connect JSON over HTTP/1.1 with no Authorization header: the token in the body is the credential.
        var open = await http.PostAsync("/exchange.surveys.v1.SurveyResponses/GetInvitation",
            new StringContent($"{{\"token\":\"{created.Invitations[0].Token}\"}}", new MediaTypeHeaderValue("application/json")));
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("\"questionnaire\"", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await http.PostAsync("/exchange.surveys.v1.SurveyResponses/GetInvitation",
            new StringContent($"{{\"token\":\"{new string('x', 43)}\"}}", new MediaTypeHeaderValue("application/json")));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // Everything else still needs a bearer token.
        var round = await http.PostAsync("/exchange.surveys.v1.Surveys/GetSurveyRound",
            new StringContent($"{{\"roundId\":\"{created.Round.Id}\"}}", new MediaTypeHeaderValue("application/json")));
        Assert.Equal(HttpStatusCode.Unauthorized, round.StatusCode);
        var prefix = await http.PostAsync("/exchange.surveys.v1.SurveyResponsesX/GetInvitation", new StringContent("{}", new MediaTypeHeaderValue("application/json")));
        Assert.Equal(HttpStatusCode.Unauthorized, prefix.StatusCode);
    }
}
