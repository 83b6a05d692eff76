using Exchange.Surveys.Analytics;
using Exchange.Surveys.Model;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Analytics.Responses;

namespace Exchange.Surveys.Tests.Analytics;

public sealed class SuccessPointScoringTests
{
    [Fact]
    public void A_project_scores_the_mean_of_its_answers_and_the_programme_averages_projects()
    {
        var survey = Questionnaire(
            Scale("sp-communication"),
            Single("preparation", ("thorough", 100), ("partly", 50), ("none", 0)),
            Multiple("keys", ("trust", 100), ("luck", 20), ("other", null)));
        survey.Questions[0].SuccessPoints.Add(SuccessPoint.Communication);
        survey.Questions[1].SuccessPoints.Add(SuccessPoint.GlobalPerspective);
        survey.Questions[2].SuccessPoints.Add(SuccessPoint.Communication);
        AttributeValue[] Project(string id) => [new("project", [id])];

        var matrix = new Responses(survey)
            // Project a: communication answers 100 (5 of 1..5), 50 (3), and keys trust+luck = mean(100, 20) = 60.
            .Add(Project("a"), ScaleValue("sp-communication", 5), Options("keys", "trust", "luck"))
            .Add(Project("a"), ScaleValue("sp-communication", 3), Options("preparation", "partly"))
            // Project b: communication 0 (1 of 1..5); keys "other" has no score and does not count.
            .Add(Project("b"), ScaleValue("sp-communication", 1), Options("keys", "other"), Options("preparation", "none"))
            .Build();

        var result = SuccessPointScoring.Score(matrix, null);

        var a = result.Projects.Single(p => p.ProjectId == "a");
        var b = result.Projects.Single(p => p.ProjectId == "b");
        var communication = Array.IndexOf(SuccessPointScoring.Points, SuccessPoint.Communication);
        var global = Array.IndexOf(SuccessPointScoring.Points, SuccessPoint.GlobalPerspective);
        Assert.Equal((100 + 50 + 60) / 3.0, a.Points[communication].Score, 12);
        Assert.Equal(3, a.Points[communication].Answers);
        Assert.Equal(0, b.Points[communication].Score);
        Assert.Equal((70 + 0) / 2.0, result.Programme[communication].Score, 12);
        Assert.Equal(70 - 35, a.Points[communication].Difference, 12);
        Assert.Equal((50, 0), (a.Points[global].Score, b.Points[global].Score));
        Assert.Equal(25, result.Programme[global].Score);
        var wideVision = Array.IndexOf(SuccessPointScoring.Points, SuccessPoint.WideVision);
        Assert.False(a.Points[wideVision].Scored);
        Assert.Equal(2, a.Respondents);
    }
}
