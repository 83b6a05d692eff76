using Exchange.Surveys.V1;

namespace Exchange.Surveys.Questionnaires;

/// <summary>Short ways to write the shipped templates' questions and options, in English and Japanese.</summary>
internal static class QuestionnaireBuilder
{
    public static LocalizedText Text(string en, string ja) => new() { En = en, Ja = ja };

    public static Option Option(string id, string en, string ja, double? score = null, bool exclusive = false)
    {
        var option = new Option { Id = id, Label = Text(en, ja), Exclusive = exclusive };
        if (score is { } value) option.Score = value;
        return option;
    }

    public static Question Single(string id, LocalizedText section, string en, string ja, bool required, params Option[] options) =>
        Choice(id, QuestionKind.SingleChoice, section, en, ja, required, options);

    public static Question Multiple(string id, LocalizedText section, string en, string ja, bool required, params Option[] options) =>
        Choice(id, QuestionKind.MultipleChoice, section, en, ja, required, options);

    public static Question Choice(string id, QuestionKind kind, LocalizedText section, string en, string ja, bool required, Option[] options) => new()
    {
        Id = id,
        Kind = kind,
        Section = section,
        Text = Text(en, ja),
        Required = required,
        Options = { options },
    };

    public static Question Scale(string id, LocalizedText section, string en, string ja, bool required, LocalizedText low, LocalizedText high) => new()
    {
        Id = id,
        Kind = QuestionKind.Scale,
        Section = section,
        Text = Text(en, ja),
        Required = required,
        Scale = new ScaleRange { Min = 1, Max = 5, MinLabel = low, MaxLabel = high },
    };

    public static Question Number(string id, LocalizedText section, string en, string ja, string unit, double? min = null, double? max = null)
    {
        var range = new NumberRange { Unit = unit };
        if (min is { } low) range.Min = low;
        if (max is { } high) range.Max = high;
        return new Question { Id = id, Kind = QuestionKind.Number, Section = section, Text = Text(en, ja), Number = range };
    }

    public static Question FreeText(string id, LocalizedText section, string en, string ja) =>
        new() { Id = id, Kind = QuestionKind.FreeText, Section = section, Text = Text(en, ja) };

    public static Question When(this Question question, string questionId, params string[] optionIds)
    {
        question.Condition = new Condition { QuestionId = questionId, AnyOfOptionIds = { optionIds } };
        return question;
    }

    public static Question Measures(this Question question, SuccessPoint point)
    {
        question.SuccessPoints.Add(point);
        return question;
    }

    public static Question Measures(this Question question, EvaluationArea area)
    {
        question.EvaluationAreas.Add(area);
        return question;
    }

    public static Question Tagged(this Question question, params string[] tags)
    {
        question.Tags.Add(tags);
        return question;
    }
}
