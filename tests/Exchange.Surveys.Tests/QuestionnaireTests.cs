using Exchange.Messaging.Persistence;
using Exchange.Rpc;
using Exchange.Surveys.Tests.Infrastructure;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Infrastructure.Samples;

namespace Exchange.Surveys.Tests;

/// <summary>The shipped templates, new questionnaires and revisions: rounds keep the version they were opened with.</summary>
[Collection(SurveysCollection.Name)]
public sealed class QuestionnaireTests(SurveysFixture fixture)
{
    [Fact]
    public async Task The_templates_ship_with_the_service()
    {
        var client = fixture.On(DatabaseProvider.PostgreSql).Client;
        var listed = await client.Questionnaires();
        Assert.Contains(listed.Questionnaires, q => q is { Id: "success-factor", Template: true, Purpose: QuestionnairePurpose.SuccessFactor });
        Assert.Contains(listed.Questionnaires, q => q is { Id: "cluster-evaluation", Template: true, Purpose: QuestionnairePurpose.ClusterEvaluation });
        var successFactors = await client.Questionnaire("success-factor", 1);
        Assert.Equal("地域間連携の成功要因に関する調査", successFactors.Title.Ja);
        Assert.Equal(22, successFactors.Questions.Count);
        Assert.NotNull(successFactors.CreatedAt);
    }

    [Fact]
    public async Task A_revision_is_a_new_version_and_an_open_round_keeps_its_own()
    {
        var deployment = fixture.On(DatabaseProvider.Sqlite);
        var client = deployment.Client;
        var id = $"visit-{Guid.NewGuid():N}"[..20];
        var v1 = await client.CreateQuestionnaire(new CreateQuestionnaireRequest
        {
            QuestionnaireId = id,
            Title = new LocalizedText { En = "Visit feedback", Ja = "訪問の感想" },
            Purpose = QuestionnairePurpose.Other,
            Questions =
            {
                new Question
                {
                    Id = "useful", Kind = QuestionKind.SingleChoice, Required = true, Text = new LocalizedText { En = "Was the visit useful?", Ja = "訪問は役立ちましたか。" },
                    Options = { new Option { Id = "yes", Label = new LocalizedText { En = "Yes", Ja = "はい" } }, new Option { Id = "no", Label = new LocalizedText { En = "No", Ja = "いいえ" } } },
                },
                new Question
                {
                    Id = "why-not", Kind = QuestionKind.FreeText, Required = true, Text = new LocalizedText { En = "Why not?" },
                    Condition = new Condition { QuestionId = "useful", AnyOfOptionIds = { "no" } },
                },
            },
        });
        Assert.Equal(1, v1.Version);
        var project = await deployment.ActiveProject(HamamatsuJena());
        var round = await client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), Title = new LocalizedText { En = "Visits" }, QuestionnaireId = id, Projects = { new ProjectTarget { ProjectId = project.Id } },
        });

        var revision = new ReviseQuestionnaireRequest { QuestionnaireId = id, ExpectedVersion = 1, Title = v1.Title, Questions = { v1.Questions }, RevisionNote = "A third option" };
        revision.Questions[0].Options.Add(new Option { Id = "partly", Label = new LocalizedText { En = "Partly", Ja = "一部" } });
        var v2 = await client.ReviseQuestionnaire(revision);
        Assert.Equal((2, "A third option", 3), (v2.Version, v2.RevisionNote, v2.Questions[0].Options.Count));
        Assert.Equal([1, 2], (await client.Questionnaires()).Questionnaires.Single(q => q.Id == id).Versions);

        // The open round asks version 1: "partly" is not one of its options; "no" requires the reason.
        var token = round.Invitations.Single().Token;
        Assert.Equal(1, (await deployment.Respondent.Open(token)).Questionnaire.Version);
        await deployment.Surveys.Refused(StatusCode.InvalidArgument, $"answers[useful]: option 'partly' is not an option of question useful in {id} v1",
            () => deployment.Respondent.Submit(token, Options("useful", "partly")));
        await deployment.Surveys.Refused(StatusCode.InvalidArgument, "answers[why-not]: question why-not is required",
            () => deployment.Respondent.Submit(token, Options("useful", "no")));
        await deployment.Respondent.Submit(token, Options("useful", "no"), new Answer { QuestionId = "why-not", Text = "Too short" });

        // A revision from a stale version, and one that changes what a question id means, are refused.
        await deployment.Surveys.Refused(StatusCode.Aborted, $"version-conflict: questionnaire {id} is at version 2, not 1", () => client.ReviseQuestionnaire(revision));
        var changedKind = revision.Clone();
        changedKind.ExpectedVersion = 2;
        changedKind.Questions[0] = new Question { Id = "useful", Kind = QuestionKind.Scale, Text = new LocalizedText { En = "How useful?" }, Scale = new ScaleRange { Min = 1, Max = 5 } };
        changedKind.Questions.RemoveAt(1);
        await deployment.Surveys.Refused(StatusCode.FailedPrecondition, $"question-kind-stable: question useful is a SingleChoice question in {id} v2", () => client.ReviseQuestionnaire(changedKind));
        await deployment.Surveys.Refused(StatusCode.AlreadyExists, $"questionnaire {id} exists", () => client.CreateQuestionnaire(new CreateQuestionnaireRequest
        {
            QuestionnaireId = id, Title = v1.Title, Purpose = QuestionnairePurpose.Other, Questions = { v1.Questions },
        }));
    }
}
