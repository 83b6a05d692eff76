using Exchange.Surveys.Model;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Benchmark;

/// <summary>
/// A cluster-evaluation-sized round made up deterministically: 100 questions (40 single choice
/// with 5 options, 30 multiple choice with 10, 30 scales 1..5, every one tagged with an area) and
/// 10,000 member companies of 20 clusters in 11 sectors, 9 bureaus and 1-2 of 20 countries,
/// answering each question (a multiple choice with 1-4 options).
/// </summary>
internal sealed class SyntheticRound
{
    public const int SingleChoices = 40;
    public const int MultipleChoices = 30;
    public const int Scales = 30;

    private static readonly string[] Sectors = ["Food", "TextilesFashion", "Housing", "Crafts", "MetalMechanical", "MedicalWelfare", "It", "Biotechnology", "Environment", "ContentsDesign", "Tourism"];
    private static readonly string[] Bureaus = ["Hokkaido", "Tohoku", "Kanto", "Chubu", "Kinki", "Chugoku", "Shikoku", "Kyushu", "Okinawa"];

    public SyntheticRound(int respondents, int seed = 42)
    {
        Questionnaire = BuildQuestionnaire();
        var random = new Random(seed);
        for (var r = 0; r < respondents; r++)
        {
            var cluster = random.Next(20);
            var countries = random.Next(4) == 0 ? new[] { $"C{random.Next(20):D2}", $"C{random.Next(20):D2}" }.Distinct().ToArray() : [$"C{random.Next(20):D2}"];
            Attributes.Add(
            [
                new AttributeValue(RespondentAttributes.Cluster, [$"cluster-{cluster:D2}"]),
                new AttributeValue(RespondentAttributes.ComparableGroup, [$"group-{cluster % 4}"]),
                new AttributeValue(RespondentAttributes.Sector, [Sectors[random.Next(Sectors.Length)]]),
                new AttributeValue(RespondentAttributes.Bureau, [Bureaus[random.Next(Bureaus.Length)]]),
                new AttributeValue(RespondentAttributes.Country, countries),
            ]);
            var answers = new List<StoredAnswer>(Questionnaire.Questions.Count);
            foreach (var question in Questionnaire.Questions)
            {
                switch (question.Kind)
                {
                    case QuestionKind.SingleChoice:
                        answers.Add(new StoredAnswer(question.Id, OptionIds: [question.Options[random.Next(question.Options.Count)].Id]));
                        break;
                    case QuestionKind.MultipleChoice:
                        var chosen = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => random.Next(question.Options.Count)).Distinct().Order();
                        answers.Add(new StoredAnswer(question.Id, OptionIds: [.. chosen.Select(i => question.Options[i].Id)]));
                        break;
                    default:
                        answers.Add(new StoredAnswer(question.Id, Scale: 1 + random.Next(5)));
                        break;
                }
            }
            Answers.Add(answers);
        }
    }

    public Questionnaire Questionnaire { get; }

    public List<List<StoredAnswer>> Answers { get; } = [];

    public List<AttributeValue[]> Attributes { get; } = [];

    private static Questionnaire BuildQuestionnaire()
    {
        var questionnaire = new Questionnaire { Id = "benchmark", Version = 1, Title = new LocalizedText { En = "Benchmark" }, Purpose = QuestionnairePurpose.ClusterEvaluation };
        var areas = Enum.GetValues<EvaluationArea>().Where(a => a != EvaluationArea.Unspecified).ToArray();
        for (var i = 0; i < SingleChoices + MultipleChoices + Scales; i++)
        {
            var kind = i < SingleChoices ? QuestionKind.SingleChoice : i < SingleChoices + MultipleChoices ? QuestionKind.MultipleChoice : QuestionKind.Scale;
            var question = new Question { Id = $"q{i + 1:D3}", Kind = kind, Text = new LocalizedText { En = $"Question {i + 1}" }, EvaluationAreas = { areas[i % areas.Length] } };
            var options = kind == QuestionKind.SingleChoice ? 5 : 10;
            if (kind == QuestionKind.Scale) question.Scale = new ScaleRange { Min = 1, Max = 5 };
            else
                for (var o = 0; o < options; o++)
                    question.Options.Add(new Option { Id = $"o{o + 1}", Label = new LocalizedText { En = $"Option {o + 1}" }, Score = 100.0 * o / (options - 1) });
            questionnaire.Questions.Add(question);
        }
        return questionnaire;
    }
}
