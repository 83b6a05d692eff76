using Exchange.Rpc;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Tests.Questionnaires;

public sealed class QuestionnaireValidationTests
{
    [Fact]
    public void Every_bad_question_is_named_at_once()
    {
        Question[] questions =
        [
            new() { Id = "q1", Kind = QuestionKind.SingleChoice, Text = new LocalizedText { En = "One option only" }, Options = { new Option { Id = "a", Label = new LocalizedText { En = "A" } } } },
            new() { Id = "q1", Kind = QuestionKind.Scale, Text = new LocalizedText { En = "Duplicate id, no range" } },
            new()
            {
                Id = "q3", Kind = QuestionKind.FreeText, Text = new LocalizedText { En = "Asked when q9" },
                Condition = new Condition { QuestionId = "q9", AnyOfOptionIds = { "x" } },
                SuccessPoints = { SuccessPoint.Communication },
            },
            new()
            {
                Id = "q4", Kind = QuestionKind.MultipleChoice, Text = new LocalizedText { En = "Tagged without scores" },
                Options = { new Option { Id = "a", Label = new LocalizedText { En = "A" } }, new Option { Id = "a", Label = new LocalizedText { En = "B" }, Score = 120 } },
                EvaluationAreas = { EvaluationArea.Collaboration },
            },
        ];
        var errors = new FieldErrors();
        QuestionnaireValidation.Questions(errors, questions);
        var message = Assert.Throws<RpcException>(errors.ThrowIfAny).Status.Detail;

        Assert.Contains("questions[0] (q1).options: a choice question needs at least two options", message, StringComparison.Ordinal);
        Assert.Contains("questions[1] (q1).id: 'q1' is used by an earlier question", message, StringComparison.Ordinal);
        Assert.Contains("questions[1] (q1).scale: is required for a scale question", message, StringComparison.Ordinal);
        Assert.Contains("questions[2] (q3).condition.question_id: 'q9' is not an earlier question", message, StringComparison.Ordinal);
        Assert.Contains("questions[2] (q3).success_points: a FreeText question gives no score", message, StringComparison.Ordinal);
        Assert.Contains("questions[3] (q4).options[1].id: 'a' is used by an earlier option", message, StringComparison.Ordinal);
        Assert.Contains("questions[3] (q4).options[1].score: must be 0 to 100", message, StringComparison.Ordinal);
        Assert.Contains("questions[3] (q4).options: a question tagged with a success point or evaluation area needs a score on every option", message, StringComparison.Ordinal);
    }
}
