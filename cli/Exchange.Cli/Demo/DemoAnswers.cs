using Exchange.Surveys.V1;

namespace Exchange.Cli.Demo;

/// <summary>A respondent's answers to the success-factor questionnaire, by question id of its template.</summary>
public sealed record DemoAnswers(
    string[] Reasons, string[] Objectives, string[] Expectations, string[] RunBy, string BodyContribution,
    string FirstAchievement, string[] AchievementKinds, string ExchangeStatus, string[] Obstacles, int[] SuccessPointScales)
{
    public static readonly string[] SuccessPointQuestions =
        ["sp-global-perspective", "sp-regional-measures", "sp-wide-vision", "sp-company-motivation", "sp-networks", "sp-communication", "sp-flexibility", "sp-long-term"];

    public IEnumerable<Answer> ToAnswers()
    {
        yield return Choice("reasons", Reasons);
        yield return Choice("objectives", Objectives);
        yield return Choice("expectations", Expectations);
        yield return Choice("run-by", RunBy);
        yield return Choice("body-contribution", BodyContribution);
        yield return Choice("first-achievement", FirstAchievement);
        // Asked only when the first achievement came during or after the project.
        if (AchievementKinds.Length > 0) yield return Choice("achievement-kinds", AchievementKinds);
        yield return Choice("exchange-status", ExchangeStatus);
        yield return Choice("obstacles", Obstacles);
        for (var i = 0; i < SuccessPointQuestions.Length; i++) yield return new Answer { QuestionId = SuccessPointQuestions[i], ScaleValue = SuccessPointScales[i] };
    }

    private static Answer Choice(string question, params string[] options)
    {
        var answer = new Answer { QuestionId = question };
        answer.OptionIds.Add(options);
        return answer;
    }
}
