using Exchange.Surveys.V1;

namespace Exchange.Surveys.Questionnaires;

/// <summary>
/// A questionnaire version ready to check answers against and to lay out answers for analysis:
/// its questions by id, in order, with each option's position (its bit in an answer mask).
/// </summary>
public sealed class QuestionnaireForm
{
    private readonly Dictionary<string, FormQuestion> _byId;

    public QuestionnaireForm(Questionnaire questionnaire)
    {
        Questionnaire = questionnaire;
        Questions = [.. questionnaire.Questions.Select((q, i) => new FormQuestion(q, i))];
        _byId = Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    public Questionnaire Questionnaire { get; }

    public string Name => $"{Questionnaire.Id} v{Questionnaire.Version}";

    public IReadOnlyList<FormQuestion> Questions { get; }

    public FormQuestion? Find(string questionId) => _byId.GetValueOrDefault(questionId);
}

/// <summary>A question of a form, with the position of each of its options.</summary>
public sealed class FormQuestion
{
    private readonly Dictionary<string, int> _optionIndex;

    public FormQuestion(Question question, int index)
    {
        Question = question;
        Index = index;
        _optionIndex = question.Options.Select((o, i) => (o.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    public Question Question { get; }

    public int Index { get; }

    public string Id => Question.Id;

    public QuestionKind Kind => Question.Kind;

    public bool IsChoice => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    /// <summary>The option's position in the question, or -1 when the question has no such option.</summary>
    public int OptionIndex(string optionId) => _optionIndex.GetValueOrDefault(optionId, -1);
}
