using System.Text.RegularExpressions;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Questionnaires;

/// <summary>
/// Checks a questionnaire definition before it is stored, naming every bad field at once
/// ("questions[4] (q5).options[1].id: ..."): ids, texts, options, scales, conditions and tags.
/// </summary>
public static partial class QuestionnaireValidation
{
    public const int MaxQuestions = 300;

    /// <summary>Options fit in one 64-bit answer mask; scales in as many values.</summary>
    public const int MaxOptions = 64;

    public const int MaxScaleSteps = 20;

    public const int MaxText = 1000;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    public static partial Regex QuestionnaireIdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex ItemIdPattern();

    public static void QuestionnaireId(FieldErrors errors, string field, string id)
    {
        if (string.IsNullOrEmpty(id)) errors.Add(field, "is required");
        else if (!QuestionnaireIdPattern().IsMatch(id)) errors.Add(field, $"'{id}' must be 2-40 of a-z, 0-9 and '-', starting with a letter or digit");
    }

    public static void Title(FieldErrors errors, string field, LocalizedText? text, int maxLength)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.En)) errors.Add($"{field}.en", "is required");
        else errors.MaxLength($"{field}.en", text.En, maxLength);
        if (text is not null) errors.MaxLength($"{field}.ja", text.Ja, maxLength);
    }

    public static void Questions(FieldErrors errors, IReadOnlyList<Question> questions)
    {
        if (questions.Count == 0) errors.Add("questions", "at least one question is required");
        if (questions.Count > MaxQuestions) errors.Add("questions", $"has {questions.Count} questions; at most {MaxQuestions} are allowed");
        var seen = new Dictionary<string, Question>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var field = $"questions[{i}] ({question.Id})";
            if (!ItemIdPattern().IsMatch(question.Id)) errors.Add($"{field}.id", "must be 1-40 of a-z, 0-9, '-' and '_'");
            else if (seen.ContainsKey(question.Id)) errors.Add($"{field}.id", $"'{question.Id}' is used by an earlier question");
            errors.Defined($"{field}.kind", question.Kind);
            Title(errors, $"{field}.text", question.Text, MaxText);
            if (question.Section is not null) errors.MaxLength($"{field}.section.en", question.Section.En, 200);
            Shape(errors, field, question);
            Condition(errors, field, question, seen);
            Tags(errors, field, question);
            seen.TryAdd(question.Id, question);
        }
    }

    private static void Shape(FieldErrors errors, string field, Question question)
    {
        var choice = question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        if (choice)
        {
            if (question.Options.Count < 2) errors.Add($"{field}.options", "a choice question needs at least two options");
            if (question.Options.Count > MaxOptions) errors.Add($"{field}.options", $"has {question.Options.Count} options; at most {MaxOptions} are allowed");
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < question.Options.Count; j++)
            {
                var option = question.Options[j];
                var at = $"{field}.options[{j}]";
                if (!ItemIdPattern().IsMatch(option.Id)) errors.Add($"{at}.id", "must be 1-40 of a-z, 0-9, '-' and '_'");
                else if (!ids.Add(option.Id)) errors.Add($"{at}.id", $"'{option.Id}' is used by an earlier option of the question");
                Title(errors, $"{at}.label", option.Label, MaxText);
                if (option.HasScore && (double.IsNaN(option.Score) || option.Score < 0 || option.Score > 100)) errors.Add($"{at}.score", "must be 0 to 100");
                if (option.Exclusive && question.Kind != QuestionKind.MultipleChoice) errors.Add($"{at}.exclusive", "only options of multiple-choice questions can be exclusive");
            }
            if (question.MaxSelections < 0 || question.MaxSelections > question.Options.Count) errors.Add($"{field}.max_selections", $"must be 0 to the number of options ({question.Options.Count})");
            if (question.MaxSelections != 0 && question.Kind != QuestionKind.MultipleChoice) errors.Add($"{field}.max_selections", "applies to multiple-choice questions only");
        }
        else if (question.Options.Count > 0)
        {
            errors.Add($"{field}.options", $"only choice questions have options; this is a {question.Kind} question");
        }

        if (question.Kind == QuestionKind.Scale)
        {
            if (question.Scale is null) errors.Add($"{field}.scale", "is required for a scale question");
            else if (question.Scale.Max <= question.Scale.Min || question.Scale.Max - question.Scale.Min > MaxScaleSteps)
                errors.Add($"{field}.scale", $"max must be above min by 1 to {MaxScaleSteps} (is {question.Scale.Min}..{question.Scale.Max})");
        }
        else if (question.Scale is not null)
        {
            errors.Add($"{field}.scale", "applies to scale questions only");
        }

        if (question.Kind == QuestionKind.Number)
        {
            if (question.Number is { HasMin: true, HasMax: true } range && range.Min > range.Max) errors.Add($"{field}.number", "min must not be above max");
        }
        else if (question.Number is not null)
        {
            errors.Add($"{field}.number", "applies to number questions only");
        }
    }

    private static void Condition(FieldErrors errors, string field, Question question, Dictionary<string, Question> earlier)
    {
        if (question.Condition is not { } condition) return;
        if (!earlier.TryGetValue(condition.QuestionId, out var asked))
        {
            errors.Add($"{field}.condition.question_id", $"'{condition.QuestionId}' is not an earlier question of the questionnaire");
            return;
        }
        if (asked.Kind is not (QuestionKind.SingleChoice or QuestionKind.MultipleChoice))
        {
            errors.Add($"{field}.condition.question_id", $"'{condition.QuestionId}' is a {asked.Kind} question; conditions refer to choice questions");
            return;
        }
        if (condition.AnyOfOptionIds.Count == 0) errors.Add($"{field}.condition.any_of_option_ids", "at least one option is required");
        foreach (var optionId in condition.AnyOfOptionIds)
            if (asked.Options.All(o => o.Id != optionId)) errors.Add($"{field}.condition.any_of_option_ids", $"'{optionId}' is not an option of question {asked.Id}");
    }

    private static void Tags(FieldErrors errors, string field, Question question)
    {
        foreach (var point in question.SuccessPoints) errors.Defined($"{field}.success_points", point);
        foreach (var area in question.EvaluationAreas) errors.Defined($"{field}.evaluation_areas", area);
        foreach (var tag in question.Tags) errors.MaxLength($"{field}.tags", tag, 40);
        if (question.SuccessPoints.Count == 0 && question.EvaluationAreas.Count == 0) return;
        // Scores come from scales and from option scores: a tagged question must yield one.
        switch (question.Kind)
        {
            case QuestionKind.Scale:
                break;
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                if (question.Options.Any(o => !o.HasScore)) errors.Add($"{field}.options", "a question tagged with a success point or evaluation area needs a score on every option");
                break;
            default:
                errors.Add($"{field}.success_points", $"a {question.Kind} question gives no score; tag scale and choice questions only");
                break;
        }
    }
}
