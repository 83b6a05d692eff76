using Exchange.Surveys.Model;
using Exchange.Surveys.V1;
using SurveyRound = Exchange.Surveys.Model.SurveyRound;

namespace Exchange.Surveys.Rules;

/// <summary>A closed round takes no more answers, responses or respondents.</summary>
public sealed class RoundOpenRule(SurveyRound round, string what) : BusinessRule
{
    public override string Name => "round-open";

    public override bool IsBroken() => round.Status != RoundStatus.Open;

    public override string Explain() => $"survey round {round.Id} was closed on {round.ClosedAt:yyyy-MM-dd} and {what}";
}
