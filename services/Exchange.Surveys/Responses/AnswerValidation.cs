using System.Globalization;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Responses;

/// <summary>
/// Checks answers against the questionnaire version of the round. Each answer on its own when
/// saved (known question, the field that fits its kind, known options, scale and number within
/// range); the whole response when submitted (every required question that is asked is answered,
/// and no question that is not asked). Errors name the question: "answers[q7]: ...".
/// </summary>
public static class AnswerValidation
{
    public const int MaxText = 4000;

    /// <summary>
    /// Reads <paramref name="answers"/>: each becomes a stored answer, or null when it clears its
    /// question. Problems go to <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyList<(string QuestionId, StoredAnswer? Answer)> Read(QuestionnaireForm form, IEnumerable<Answer> answers, FieldErrors errors)
    {
        var read = new List<(string, StoredAnswer?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var field = $"answers[{answer.QuestionId}]";
            if (string.IsNullOrEmpty(answer.QuestionId))
            {
                errors.Add("answers[]", "question_id is required");
                continue;
            }
            if (form.Find(answer.QuestionId) is not { } question)
            {
                errors.Add(field, $"question {answer.QuestionId} is not a question of {form.Name}");
                continue;
            }
            if (!seen.Add(answer.QuestionId))
            {
                errors.Add(field, $"question {answer.QuestionId} is answered twice in one request");
                continue;
            }
            var stored = ReadOne(form, question, answer, field, errors);
            read.Add((answer.QuestionId, stored));
        }
        return read;
    }

    private static StoredAnswer? ReadOne(QuestionnaireForm form, FormQuestion question, Answer answer, string field, FieldErrors errors)
    {
        var given = (answer.OptionIds.Count > 0 ? 1 : 0) + (answer.HasScaleValue ? 1 : 0) + (answer.HasNumberValue ? 1 : 0) + (answer.HasText ? 1 : 0);
        if (given == 0) return null;
        var expected = question.Kind switch
        {
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice => answer.OptionIds.Count > 0,
            QuestionKind.Scale => answer.HasScaleValue,
            QuestionKind.Number => answer.HasNumberValue,
            QuestionKind.FreeText => answer.HasText,
            _ => false,
        };
        if (given > 1 || !expected)
        {
            errors.Add(field, $"question {question.Id} is a {question.Kind} question: answer it with {ExpectedField(question.Kind)} only");
            return null;
        }
        var q = question.Question;
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                return Choice(form, question, answer, field, errors);
            case QuestionKind.Scale:
                if (answer.ScaleValue < q.Scale.Min || answer.ScaleValue > q.Scale.Max)
                {
                    errors.Add(field, $"{answer.ScaleValue} is outside the scale of question {question.Id} ({q.Scale.Min} to {q.Scale.Max})");
                    return null;
                }
                return new StoredAnswer(question.Id, Scale: answer.ScaleValue);
            case QuestionKind.Number:
                var number = answer.NumberValue;
                if (double.IsNaN(number) || double.IsInfinity(number)) errors.Add(field, $"question {question.Id} needs a finite number");
                else if (q.Number is { HasMin: true } low && number < low.Min) errors.Add(field, $"{Format(number)} is below the minimum {Format(low.Min)} of question {question.Id}");
                else if (q.Number is { HasMax: true } high && number > high.Max) errors.Add(field, $"{Format(number)} is above the maximum {Format(high.Max)} of question {question.Id}");
                else return new StoredAnswer(question.Id, Number: number);
                return null;
            default:
                var text = answer.Text.Trim();
                if (text.Length == 0) return null;
                if (text.Length > MaxText)
                {
                    errors.Add(field, $"the answer to question {question.Id} is {text.Length} characters long; at most {MaxText} are allowed");
                    return null;
                }
                return new StoredAnswer(question.Id, Text: text);
        }
    }

    private static StoredAnswer? Choice(QuestionnaireForm form, FormQuestion question, Answer answer, string field, FieldErrors errors)
    {
        var indexes = new SortedSet<int>();
        var ok = true;
        foreach (var optionId in answer.OptionIds)
        {
            var index = question.OptionIndex(optionId);
            if (index < 0)
            {
                errors.Add(field, $"option '{optionId}' is not an option of question {question.Id} in {form.Name}");
                ok = false;
            }
            else if (!indexes.Add(index))
            {
                errors.Add(field, $"option '{optionId}' of question {question.Id} is chosen twice");
                ok = false;
            }
        }
        if (!ok) return null;
        var q = question.Question;
        if (question.Kind == QuestionKind.SingleChoice && indexes.Count > 1)
        {
            errors.Add(field, $"question {question.Id} takes one option; {indexes.Count} were chosen");
            return null;
        }
        if (q.MaxSelections > 0 && indexes.Count > q.MaxSelections)
        {
            errors.Add(field, $"question {question.Id} takes at most {q.MaxSelections} options; {indexes.Count} were chosen");
            return null;
        }
        if (indexes.Count > 1 && indexes.FirstOrDefault(i => q.Options[i].Exclusive, -1) is var exclusive and >= 0)
        {
            errors.Add(field, $"option '{q.Options[exclusive].Id}' of question {question.Id} excludes every other option");
            return null;
        }
        // Options in the questionnaire's order, so that equal choices are equal answers.
        return new StoredAnswer(question.Id, OptionIds: [.. indexes.Select(i => q.Options[i].Id)]);
    }

    /// <summary>
    /// The saved answers with <paramref name="changes"/> applied on top (null clears), in the
    /// questionnaire's order.
    /// </summary>
    public static List<StoredAnswer> Merge(QuestionnaireForm form, IEnumerable<StoredAnswer> saved, IEnumerable<(string QuestionId, StoredAnswer? Answer)> changes)
    {
        var byQuestion = saved.Where(a => form.Find(a.QuestionId) is not null).ToDictionary(a => a.QuestionId, StringComparer.Ordinal);
        foreach (var (questionId, answer) in changes)
        {
            if (answer is null) byQuestion.Remove(questionId);
            else byQuestion[questionId] = answer;
        }
        return [.. byQuestion.Values.OrderBy(a => form.Find(a.QuestionId)!.Index)];
    }

    /// <summary>
    /// The checks of a submission: a question whose condition does not hold is not asked and must
    /// not be answered; a required question that is asked must be.
    /// </summary>
    public static void CheckComplete(QuestionnaireForm form, IReadOnlyList<StoredAnswer> answers, FieldErrors errors)
    {
        var byQuestion = answers.ToDictionary(a => a.QuestionId, StringComparer.Ordinal);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in form.Questions)
        {
            var q = question.Question;
            var isAsked = q.Condition is not { } condition
                || (asked.Contains(condition.QuestionId)
                    && byQuestion.TryGetValue(condition.QuestionId, out var earlier)
                    && (earlier.OptionIds ?? []).Any(o => condition.AnyOfOptionIds.Contains(o)));
            var answered = byQuestion.ContainsKey(question.Id);
            if (isAsked)
            {
                asked.Add(question.Id);
                if (q.Required && !answered) errors.Add($"answers[{question.Id}]", $"question {question.Id} is required");
            }
            else if (answered)
            {
                var condition2 = q.Condition!;
                errors.Add($"answers[{question.Id}]",
                    $"question {question.Id} is not asked: it applies only when question {condition2.QuestionId} is answered with {string.Join(" or ", condition2.AnyOfOptionIds.Select(o => $"'{o}'"))}");
            }
        }
    }

    private static string ExpectedField(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => "option_ids",
        QuestionKind.Scale => "scale_value",
        QuestionKind.Number => "number_value",
        _ => "text",
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
