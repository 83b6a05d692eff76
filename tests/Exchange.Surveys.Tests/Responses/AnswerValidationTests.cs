using Exchange.Rpc;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.Responses;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Tests.Responses;

public sealed class AnswerValidationTests
{
    private static readonly QuestionnaireForm Form = new(SuccessFactorTemplate.Build());

    [Fact]
    public void Options_are_kept_in_the_questionnaire_order_so_equal_choices_have_equal_digests()
    {
        var errors = new FieldErrors();
        var first = AnswerValidation.Read(Form, [new Answer { QuestionId = "obstacles", OptionIds = { "publicity", "communication" } }], errors);
        var second = AnswerValidation.Read(Form, [new Answer { QuestionId = "obstacles", OptionIds = { "communication", "publicity" } }], errors);
        Assert.False(errors.Any);
        Assert.Equal(["communication", "publicity"], first[0].Answer!.OptionIds!);
        Assert.Equal(AnswerDigest.Of([first[0].Answer!]), AnswerDigest.Of([second[0].Answer!]));
    }

    [Theory]
    [InlineData("nope", "question nope is not a question of success-factor v1")]
    [InlineData("reasons", "option 'bribes' is not an option of question reasons in success-factor v1")]
    [InlineData("sp-networks", "6 is outside the scale of question sp-networks (1 to 5)")]
    [InlineData("first-achievement", "question first-achievement takes one option; 2 were chosen")]
    [InlineData("obstacles", "option 'none' of question obstacles excludes every other option")]
    [InlineData("companies-involved", "-1 is below the minimum 0 of question companies-involved")]
    [InlineData("comments", "question comments is a FreeText question: answer it with text only")]
    public void A_bad_answer_is_named_by_its_question(string questionId, string problem)
    {
        var answer = questionId switch
        {
            "reasons" => new Answer { QuestionId = questionId, OptionIds = { "overseas-market", "bribes" } },
            "sp-networks" => new Answer { QuestionId = questionId, ScaleValue = 6 },
            "first-achievement" => new Answer { QuestionId = questionId, OptionIds = { "during", "after" } },
            "obstacles" => new Answer { QuestionId = questionId, OptionIds = { "none", "momentum" } },
            "companies-involved" => new Answer { QuestionId = questionId, NumberValue = -1 },
            "comments" => new Answer { QuestionId = questionId, ScaleValue = 3 },
            _ => new Answer { QuestionId = questionId, ScaleValue = 1 },
        };
        var errors = new FieldErrors();
        AnswerValidation.Read(Form, [answer], errors);
        var message = Assert.Throws<RpcException>(errors.ThrowIfAny).Status.Detail;
        Assert.Equal($"answers[{questionId}]: {problem}", message);
    }

    [Fact]
    public void A_conditional_question_is_required_only_when_its_condition_holds_and_refused_when_it_does_not()
    {
        var complete = CompleteAnswers("not-yet");
        var errors = new FieldErrors();
        AnswerValidation.CheckComplete(Form, complete, errors);
        Assert.False(errors.Any);

        errors = new FieldErrors();
        AnswerValidation.CheckComplete(Form, CompleteAnswers("during"), errors);
        Assert.Equal("answers[achievement-kinds]: question achievement-kinds is required", Assert.Throws<RpcException>(errors.ThrowIfAny).Status.Detail);

        errors = new FieldErrors();
        AnswerValidation.CheckComplete(Form, AnswerValidation.Merge(Form, complete, [("achievement-kinds", new StoredAnswer("achievement-kinds", OptionIds: ["trade-fair"]))]), errors);
        Assert.Equal("answers[achievement-kinds]: question achievement-kinds is not asked: it applies only when question first-achievement is answered with 'during' or 'after'",
            Assert.Throws<RpcException>(errors.ThrowIfAny).Status.Detail);
    }

    private static List<StoredAnswer> CompleteAnswers(string firstAchievement)
    {
        var answers = new List<StoredAnswer>
        {
            new("reasons", OptionIds: ["overseas-market"]),
            new("objectives", OptionIds: ["technical-exchange"]),
            new("expectations", OptionIds: ["same-field-cluster"]),
            new("run-by", OptionIds: ["regional-companies"]),
            new("body-contribution", OptionIds: ["sufficiently"]),
            new("first-achievement", OptionIds: [firstAchievement]),
            new("exchange-status", OptionIds: ["ceased"]),
        };
        answers.AddRange(Form.Questions.Where(q => q.Kind == QuestionKind.Scale).Select(q => new StoredAnswer(q.Id, Scale: 3)));
        return AnswerValidation.Merge(Form, answers, []);
    }
}
