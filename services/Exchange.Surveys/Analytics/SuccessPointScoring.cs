using Exchange.Surveys.Model;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Analytics;

/// <summary>
/// Scores of the eight points for success per project, 0..100. An answer to a question tagged with
/// a point scores as <see cref="QuestionColumn.ScoreOf"/> says (a scale linearly: 1 of 1..5 is 0,
/// 5 is 100; a choice by its option's score). A project's score on a point is the mean of every
/// such answer of its respondents; the programme's average on a point is the mean of the scores
/// of the projects that have one, each project counting once whatever its number of respondents.
/// </summary>
public static class SuccessPointScoring
{
    public static readonly SuccessPoint[] Points = [.. Enum.GetValues<SuccessPoint>().Where(p => p != SuccessPoint.Unspecified)];

    public static SuccessPointResult Score(ResponseMatrix matrix, int[]? respondents)
    {
        var projects = matrix.Attribute(RespondentAttributes.Project);
        var projectCount = projects?.Values.Count ?? 0;
        var sums = new double[projectCount, Points.Length];
        var answers = new int[projectCount, Points.Length];
        var respondentsPerProject = new int[projectCount];
        var tagged = matrix.Questions
            .SelectMany(q => q.Question.SuccessPoints.Select(p => (Question: q, Point: Array.IndexOf(Points, p))))
            .Where(t => t.Point >= 0)
            .ToArray();
        var total = respondents?.Length ?? matrix.Count;
        for (var k = 0; k < total && projects is not null; k++)
        {
            var r = respondents is null ? k : respondents[k];
            var project = projects.CodesOf(r)[0];
            respondentsPerProject[project]++;
            foreach (var (question, point) in tagged)
            {
                var score = question.ScoreOf(r);
                if (double.IsNaN(score)) continue;
                sums[project, point] += score;
                answers[project, point]++;
            }
        }

        var scores = new double[projectCount, Points.Length];
        var average = new double[Points.Length];
        var scoredProjects = new int[Points.Length];
        for (var p = 0; p < projectCount; p++)
            for (var i = 0; i < Points.Length; i++)
            {
                scores[p, i] = answers[p, i] == 0 ? double.NaN : sums[p, i] / answers[p, i];
                if (answers[p, i] == 0) continue;
                average[i] += scores[p, i];
                scoredProjects[i]++;
            }
        for (var i = 0; i < Points.Length; i++) average[i] = scoredProjects[i] == 0 ? double.NaN : average[i] / scoredProjects[i];

        var results = new List<ProjectPoints>();
        for (var p = 0; p < projectCount; p++)
        {
            if (respondentsPerProject[p] == 0 || projects!.Values[p].Length == 0) continue;
            results.Add(new ProjectPoints(projects.Values[p], respondentsPerProject[p],
                [.. Points.Select((point, i) => new PointScore(point, scores[p, i], average[i], answers[p, i]))]));
        }
        return new SuccessPointResult(results, [.. Points.Select((point, i) => new PointScore(point, average[i], average[i], scoredProjects[i]))]);
    }
}

public sealed record PointScore(SuccessPoint Point, double Score, double ProgrammeAverage, int Answers)
{
    public bool Scored => !double.IsNaN(Score);

    public double Difference => Scored && !double.IsNaN(ProgrammeAverage) ? Score - ProgrammeAverage : double.NaN;
}

public sealed record ProjectPoints(string ProjectId, int Respondents, IReadOnlyList<PointScore> Points);

/// <summary>Per project its eight scores; <see cref="Programme"/> holds the averages (Answers = projects scored).</summary>
public sealed record SuccessPointResult(IReadOnlyList<ProjectPoints> Projects, IReadOnlyList<PointScore> Programme);
