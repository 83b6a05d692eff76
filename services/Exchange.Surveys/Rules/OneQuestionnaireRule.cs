using Exchange.Surveys.Model;

namespace Exchange.Surveys.Rules;

/// <summary>
/// An analysis covers rounds of one questionnaire (any of its versions): questions and options
/// are matched by their stable ids, which mean nothing across questionnaires.
/// </summary>
public sealed class OneQuestionnaireRule(IReadOnlyList<SurveyRound> rounds) : BusinessRule
{
    public override string Name => "one-questionnaire";

    public override bool IsBroken() => rounds.Select(r => r.QuestionnaireId).Distinct(StringComparer.Ordinal).Count() > 1;

    public override string Explain() =>
        "the selected rounds use different questionnaires (" +
        string.Join(", ", rounds.GroupBy(r => r.QuestionnaireId).Select(g => $"{g.Key}: {string.Join(" ", g.Select(r => r.Id))}")) +
        "); analyse rounds of one questionnaire at a time";
}
