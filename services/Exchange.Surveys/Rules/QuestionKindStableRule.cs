using Exchange.Surveys.V1;

namespace Exchange.Surveys.Rules;

/// <summary>
/// A revision keeps what a question id means: the same id with another kind of answer would mix
/// incomparable answers when rounds of both versions are tabulated together.
/// </summary>
public sealed class QuestionKindStableRule(string questionnaireId, int version, Question before, Question after) : BusinessRule
{
    public override string Name => "question-kind-stable";

    public override bool IsBroken() => before.Kind != after.Kind;

    public override string Explain() =>
        $"question {after.Id} is a {before.Kind} question in {questionnaireId} v{version} and cannot become a {after.Kind} question; give the new question a new id";
}
