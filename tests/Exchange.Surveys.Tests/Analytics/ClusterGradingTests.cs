using Exchange.Surveys.Analytics;
using Exchange.Surveys.Model;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Analytics.Responses;

namespace Exchange.Surveys.Tests.Analytics;

public sealed class ClusterGradingTests
{
    private static readonly Questionnaire Survey = BuildSurvey();

    [Fact]
    public void Area_indices_compound_index_grade_and_effects_computed_by_hand()
    {
        var matrix = new Responses(Survey)
            // Cluster x (group m): core 100 and 50 -> mean 75; collaboration scale 5 -> 100; research "running" 100, "none" 0 -> 50.
            .Add(Member("x", "m"), Options("core", "active"), ScaleValue("collab", 5), Options("rd", "running"))
            .Add(Member("x", "m"), Options("core", "nominal"), Options("rd", "none"))
            // Cluster y (group m): core 0, collaboration 3 -> 50, research 100.
            .Add(Member("y", "m"), Options("core", "none"), ScaleValue("collab", 3), Options("rd", "running"))
            // Cluster z (group b): core 100 only; no answers in collaboration or research.
            .Add(Member("z", "b"), Options("core", "active"))
            .Build();

        var clusters = ClusterGrading.Evaluate(matrix, null).ToDictionary(c => c.ClusterId);

        var x = clusters["x"];
        Assert.Equal([75.0, 100.0, 50.0], x.Areas.Take(3).Select(a => a.Index));
        Assert.Equal(75.0, x.Compound, 12);
        Assert.Equal("A", x.Grade);
        Assert.Equal(2, x.Respondents);
        Assert.Equal(2, x.Areas[0].Respondents);
        Assert.Equal(1, x.Areas[1].Respondents);
        var y = clusters["y"];
        Assert.Equal(50.0, y.Compound, 12);
        Assert.Equal("C", y.Grade);
        var z = clusters["z"];
        Assert.Equal(100.0, z.Compound, 12);
        Assert.True(double.IsNaN(z.Areas[1].Index));

        // Averages count each cluster once; comparable clusters share the group (x and y).
        Assert.Equal((75 + 50 + 100) / 3.0, x.AllCompoundAverage, 12);
        Assert.Equal((75 + 50) / 2.0, x.ComparableCompoundAverage, 12);
        Assert.Equal((75 + 0 + 100) / 3.0, x.Areas[0].AllAverage, 12);
        Assert.Equal((75 + 0) / 2.0, x.Areas[0].ComparableAverage, 12);
        Assert.Equal((100 + 50) / 2.0, x.Areas[1].AllAverage, 12);

        // y's effects: weight 1 of 3 areas, one question per area: (1/3)(cluster mean - all clusters' mean).
        var effects = y.Effects.ToDictionary(e => e.Question.Id, e => e.Effect);
        Assert.Equal((0 - 175 / 3.0) / 3, effects["core"], 12);
        Assert.Equal((50 - 75) / 3.0, effects["collab"], 12);
        Assert.Equal((100 - 75) / 3.0, effects["rd"], 12);
        Assert.Equal("core", y.Effects[0].Question.Id);
        Assert.Contains(ClusterGrading.Explain(y), line => line.StartsWith("Lowered: core", StringComparison.Ordinal));
        Assert.Contains(ClusterGrading.Explain(y), line => line == "10.0 points below grade B.");
    }

    [Theory]
    [InlineData(75.0, "A")]
    [InlineData(74.99, "B")]
    [InlineData(60.0, "B")]
    [InlineData(45.0, "C")]
    [InlineData(44.9, "D")]
    [InlineData(0.0, "D")]
    public void Grades_start_at_their_threshold(double compound, string grade) => Assert.Equal(grade, ClusterGrading.GradeOf(compound));

    private static AttributeValue[] Member(string cluster, string group) => [new("cluster", [cluster]), new("comparable_group", [group])];

    private static Questionnaire BuildSurvey()
    {
        var survey = Questionnaire(
            Single("core", ("active", 100), ("nominal", 50), ("none", 0)),
            Scale("collab"),
            Single("rd", ("none", 0), ("running", 100)));
        survey.Questions[0].EvaluationAreas.Add(EvaluationArea.ClusterCore);
        survey.Questions[1].EvaluationAreas.Add(EvaluationArea.Collaboration);
        survey.Questions[2].EvaluationAreas.Add(EvaluationArea.ResearchAndDevelopment);
        return survey;
    }
}
