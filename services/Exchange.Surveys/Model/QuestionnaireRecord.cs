using Exchange.Surveys.V1;
using Google.Protobuf;

namespace Exchange.Surveys.Model;

/// <summary>
/// One stored version of a questionnaire. The whole definition is kept as the protobuf message in
/// its JSON form, so that what a respondent sees is exactly what was created; the key fields are
/// columns for listing. A version never changes once stored.
/// </summary>
public sealed class QuestionnaireRecord
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private QuestionnaireRecord()
    {
    }

    public string QuestionnaireId { get; private set; } = "";

    public int Version { get; private set; }

    public QuestionnairePurpose Purpose { get; private set; }

    public string Title { get; private set; } = "";

    public bool Template { get; private set; }

    public int QuestionCount { get; private set; }

    public string Definition { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static QuestionnaireRecord From(Questionnaire questionnaire, DateTimeOffset createdAt)
    {
        questionnaire = questionnaire.Clone();
        questionnaire.CreatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(createdAt);
        return new QuestionnaireRecord
        {
        QuestionnaireId = questionnaire.Id,
        Version = questionnaire.Version,
        Purpose = questionnaire.Purpose,
        Title = questionnaire.Title.En,
        Template = questionnaire.Template,
        QuestionCount = questionnaire.Questions.Count,
        Definition = JsonFormatter.Default.Format(questionnaire),
        CreatedBy = questionnaire.CreatedBy,
        CreatedAt = createdAt,
        };
    }

    public Questionnaire ToMessage() => Parser.Parse<Questionnaire>(Definition);
}
