using Exchange.Surveys.V1;

namespace Exchange.Surveys.Rules;

/// <summary>
/// Cluster-evaluation questionnaires go to clusters' member companies, success-factor
/// questionnaires to projects' respondents: the analytics of each expect their own attributes.
/// </summary>
public sealed class TargetsMatchPurposeRule(Questionnaire questionnaire, int projectTargets, int clusterTargets) : BusinessRule
{
    public override string Name => "targets-match-purpose";

    public override bool IsBroken() => questionnaire.Purpose switch
    {
        QuestionnairePurpose.ClusterEvaluation => projectTargets > 0,
        QuestionnairePurpose.SuccessFactor => clusterTargets > 0,
        _ => false,
    };

    public override string Explain() => questionnaire.Purpose == QuestionnairePurpose.ClusterEvaluation
        ? $"{questionnaire.Id} evaluates clusters: its targets are clusters' member companies, not projects"
        : $"{questionnaire.Id} surveys projects' implementation bodies and key persons: its targets are projects, not clusters";
}
