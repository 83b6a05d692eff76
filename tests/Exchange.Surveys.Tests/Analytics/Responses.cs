using Exchange.Surveys.Analytics;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Tests.Analytics;

/// <summary>Small response matrices built by hand for the analytics' unit tests.</summary>
internal sealed class Responses(params Questionnaire[] versions)
{
    private readonly ResponseMatrixBuilder _builder = new(versions.Reverse().Select(v => new QuestionnaireForm(v)), 4);

    public static Question Single(string id, params (string Id, double? Score)[] options) => Choice(id, QuestionKind.SingleChoice, options);

    public static Question Multiple(string id, params (string Id, double? Score)[] options) => Choice(id, QuestionKind.MultipleChoice, options);

    public static Question Scale(string id, int min = 1, int max = 5) =>
        new() { Id = id, Kind = QuestionKind.Scale, Text = new LocalizedText { En = id }, Scale = new ScaleRange { Min = min, Max = max } };

    public static Questionnaire Questionnaire(params Question[] questions) =>
        new() { Id = "test", Version = 1, Title = new LocalizedText { En = "test" }, Purpose = QuestionnairePurpose.Other, Questions = { questions } };

    public Responses Add(string? sector, params StoredAnswer[] answers) => Add(sector is null ? [] : [new AttributeValue("sector", [sector])], answers);

    public Responses Add(AttributeValue[] attributes, params StoredAnswer[] answers)
    {
        _builder.Add(answers, attributes);
        return this;
    }

    public ResponseMatrix Build() => _builder.Build();

    public static StoredAnswer Options(string questionId, params string[] options) => new(questionId, OptionIds: options);

    public static StoredAnswer ScaleValue(string questionId, int value) => new(questionId, Scale: value);

    private static Question Choice(string id, QuestionKind kind, (string Id, double? Score)[] options)
    {
        var question = new Question { Id = id, Kind = kind, Text = new LocalizedText { En = id } };
        foreach (var (optionId, score) in options)
        {
            var option = new Option { Id = optionId, Label = new LocalizedText { En = optionId } };
            if (score is { } value) option.Score = value;
            question.Options.Add(option);
        }
        return question;
    }
}
