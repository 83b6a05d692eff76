using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Tests.Questionnaires;

public sealed class TemplateTests
{
    public static TheoryData<string> Templates => [SuccessFactorTemplate.Id, ClusterEvaluationTemplate.Id];

    private static Questionnaire Build(string id) => id == SuccessFactorTemplate.Id ? SuccessFactorTemplate.Build() : ClusterEvaluationTemplate.Build();

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_shipped_templates_pass_the_checks_every_questionnaire_passes(string id)
    {
        var errors = new FieldErrors();
        QuestionnaireValidation.Questions(errors, Build(id).Questions);
        Assert.False(errors.Any, CaptureMessage(errors));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_question_and_option_has_an_English_and_a_Japanese_label(string id)
    {
        foreach (var question in Build(id).Questions)
        {
            Assert.False(string.IsNullOrWhiteSpace(question.Text.Ja), $"question {question.Id} has no Japanese text");
            foreach (var option in question.Options)
                Assert.False(string.IsNullOrWhiteSpace(option.Label.Ja) || string.IsNullOrWhiteSpace(option.Label.En), $"option {question.Id}/{option.Id} lacks a label");
        }
    }

    [Fact]
    public void The_success_factor_questionnaire_measures_each_of_the_eight_points()
    {
        var measured = SuccessFactorTemplate.Build().Questions.SelectMany(q => q.SuccessPoints).ToHashSet();
        Assert.Equal(Enum.GetValues<SuccessPoint>().Where(p => p != SuccessPoint.Unspecified).Order(), measured.Order());
    }

    [Fact]
    public void The_cluster_questionnaire_measures_each_of_the_six_areas_with_at_least_two_questions()
    {
        var questions = ClusterEvaluationTemplate.Build().Questions;
        foreach (var area in Enum.GetValues<EvaluationArea>().Where(a => a != EvaluationArea.Unspecified))
            Assert.True(questions.Count(q => q.EvaluationAreas.Contains(area)) >= 2, $"{area} has fewer than two questions");
    }

    private static string CaptureMessage(FieldErrors errors)
    {
        try
        {
            errors.ThrowIfAny();
            return "";
        }
        catch (Exchange.Rpc.RpcException ex)
        {
            return ex.Status.Detail;
        }
    }
}
