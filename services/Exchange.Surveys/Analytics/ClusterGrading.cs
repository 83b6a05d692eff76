using System.Globalization;
using Exchange.Surveys.Model;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Analytics;

/// <summary>
/// Cluster grades, method "cluster-grade/1", from the member companies' answers:
/// <list type="number">
/// <item>a question's mean in a cluster is the mean score (0..100) of the members who answered it;</item>
/// <item>an area's index is the mean of the question means of the questions tagged with the area;</item>
/// <item>the compound index is the weighted mean of the area indices (equal weights; an area without
/// answers is left out and the others' weights renormalised);</item>
/// <item>grade A from 75, B from 60, C from 45, D below;</item>
/// <item>averages: of all clusters of the selection, and of the clusters of the same comparable group
/// (the cluster itself included), each cluster counting once;</item>
/// <item>a question moved the compound index by (area weight / weights of the cluster's areas)
/// / (questions of the area with a mean) x (cluster's question mean - mean of all clusters' question means);
/// these effects add up to the cluster's distance from the all-clusters compound average when
/// every cluster has answers to every question.</item>
/// </list>
/// </summary>
public static class ClusterGrading
{
    public const string Method = "cluster-grade/1";

    public static readonly EvaluationArea[] Areas = [.. Enum.GetValues<EvaluationArea>().Where(a => a != EvaluationArea.Unspecified)];

    public static readonly (string Grade, double From)[] Grades = [("A", 75), ("B", 60), ("C", 45), ("D", double.NegativeInfinity)];

    public static IReadOnlyList<string> Description =>
    [
        $"Method {Method}.",
        "Each answer to a question tagged with an evaluation area scores 0..100: a scale linearly (1 of 1..5 is 0, 5 is 100), a choice by its option's score.",
        "A question's mean in a cluster is the mean score of the member companies who answered it; an area's index is the mean of its questions' means.",
        "The compound index is the mean of the six area indices with equal weights (an area without answers is left out).",
        "Grades: A from 75, B from 60, C from 45, D below 45.",
        "Comparable clusters are the clusters of the same comparable group (the cluster included); every average counts each cluster once.",
        "A question's effect is its share of the compound index (area weight / its area's questions) times the cluster's distance from all clusters' mean on it.",
    ];

    public static double Weight(EvaluationArea area) => 1.0;

    public static string GradeOf(double compound) => Grades.First(g => compound >= g.From).Grade;

    public static IReadOnlyList<ClusterResult> Evaluate(ResponseMatrix matrix, int[]? respondents)
    {
        var clusters = matrix.Attribute(RespondentAttributes.Cluster);
        if (clusters is null) return [];
        var groups = matrix.Attribute(RespondentAttributes.ComparableGroup);
        var names = matrix.Attribute(RespondentAttributes.ClusterName);
        var clusterCount = clusters.Values.Count;
        var questions = matrix.Questions
            .SelectMany(q => q.Question.EvaluationAreas.Where(a => a != EvaluationArea.Unspecified).Select(a => (Question: q, Area: a)))
            .ToArray();

        var sums = new double[clusterCount, questions.Length];
        var answered = new int[clusterCount, questions.Length];
        var members = new int[clusterCount];
        var group = new string?[clusterCount];
        var name = new string?[clusterCount];
        var total = respondents?.Length ?? matrix.Count;
        var clusterOf = new int[total];
        for (var k = 0; k < total; k++)
        {
            var r = respondents is null ? k : respondents[k];
            var c = clusterOf[k] = clusters.CodesOf(r)[0];
            members[c]++;
            group[c] ??= groups?.FirstValueOf(r) ?? "";
            name[c] ??= names?.FirstValueOf(r) ?? "";
        }
        // Column by column: each question's scores are read in one pass over its answers; a bit per
        // area says which areas each respondent answered, for the areas' respondent counts.
        var answeredAreas = new int[total];
        for (var q = 0; q < questions.Length; q++)
        {
            var column = questions[q].Question;
            var areaBit = 1 << Array.IndexOf(Areas, questions[q].Area);
            for (var k = 0; k < total; k++)
            {
                var score = column.ScoreOf(respondents is null ? k : respondents[k]);
                if (double.IsNaN(score)) continue;
                sums[clusterOf[k], q] += score;
                answered[clusterOf[k], q]++;
                answeredAreas[k] |= areaBit;
            }
        }
        var areaRespondents = new int[clusterCount, Areas.Length];
        for (var k = 0; k < total; k++)
            for (var a = 0; a < Areas.Length; a++)
                if ((answeredAreas[k] & (1 << a)) != 0) areaRespondents[clusterOf[k], a]++;

        var included = Enumerable.Range(0, clusterCount).Where(c => members[c] > 0 && clusters.Values[c].Length > 0).ToArray();
        var questionMeans = new double[clusterCount, questions.Length];
        var areaIndices = new double[clusterCount, Areas.Length];
        var compound = new double[clusterCount];
        foreach (var c in included)
        {
            for (var q = 0; q < questions.Length; q++) questionMeans[c, q] = answered[c, q] == 0 ? double.NaN : sums[c, q] / answered[c, q];
            double weighted = 0, weights = 0;
            for (var a = 0; a < Areas.Length; a++)
            {
                var means = Enumerable.Range(0, questions.Length).Where(q => questions[q].Area == Areas[a] && !double.IsNaN(questionMeans[c, q])).Select(q => questionMeans[c, q]).ToList();
                areaIndices[c, a] = means.Count == 0 ? double.NaN : means.Average();
                if (means.Count == 0) continue;
                weighted += Weight(Areas[a]) * areaIndices[c, a];
                weights += Weight(Areas[a]);
            }
            compound[c] = weights == 0 ? double.NaN : weighted / weights;
        }

        double MeanOver(IEnumerable<int> of, Func<int, double> value)
        {
            var values = of.Select(value).Where(v => !double.IsNaN(v)).ToList();
            return values.Count == 0 ? double.NaN : values.Average();
        }

        var allQuestionMeans = Enumerable.Range(0, questions.Length).Select(q => MeanOver(included, c => questionMeans[c, q])).ToArray();
        var allAreas = Enumerable.Range(0, Areas.Length).Select(a => MeanOver(included, c => areaIndices[c, a])).ToArray();
        var allCompound = MeanOver(included, c => compound[c]);

        var results = new List<ClusterResult>();
        foreach (var c in included)
        {
            var peers = included.Where(p => group[p] == group[c]).ToArray();
            var areas = Areas.Select((area, a) => new AreaResult(area, areaIndices[c, a], MeanOver(peers, p => areaIndices[p, a]), allAreas[a], Weight(area),
                areaRespondents[c, a])).ToList();
            var weights = areas.Where(a => !double.IsNaN(a.Index)).Sum(a => a.Weight);
            var effects = new List<QuestionEffect>();
            for (var q = 0; q < questions.Length; q++)
            {
                if (double.IsNaN(questionMeans[c, q]) || double.IsNaN(allQuestionMeans[q])) continue;
                var area = questions[q].Area;
                var inArea = Enumerable.Range(0, questions.Length).Count(o => questions[o].Area == area && !double.IsNaN(questionMeans[c, o]));
                var effect = Weight(area) / weights / inArea * (questionMeans[c, q] - allQuestionMeans[q]);
                effects.Add(new QuestionEffect(area, questions[q].Question.Question, questionMeans[c, q], allQuestionMeans[q], effect));
            }
            effects.Sort((x, y) => Math.Abs(y.Effect).CompareTo(Math.Abs(x.Effect)));
            var comparable = MeanOver(peers, p => compound[p]);
            results.Add(new ClusterResult(clusters.Values[c], name[c] ?? "", group[c] ?? "", members[c], areas, compound[c], comparable, allCompound,
                double.IsNaN(compound[c]) ? "" : GradeOf(compound[c]), effects));
        }
        return results;
    }

    /// <summary>The grade in words: where the compound index stands, which areas and answers lifted or lowered it, how far the next grades are.</summary>
    public static IReadOnlyList<string> Explain(ClusterResult cluster)
    {
        if (cluster.Grade.Length == 0) return ["No member answered a question of any evaluation area: no grade."];
        var lines = new List<string>();
        var band = Array.FindIndex(Grades, g => g.Grade == cluster.Grade);
        var upper = band == 0 ? "" : $" to {F(Grades[band - 1].From)}";
        lines.Add($"Compound index {F(cluster.Compound)}: grade {cluster.Grade} ({(double.IsNegativeInfinity(Grades[band].From) ? "below " + F(Grades[band - 1].From) : "from " + F(Grades[band].From) + upper)}); " +
            $"all clusters {F(cluster.AllCompoundAverage)}, comparable clusters ({(cluster.ComparableGroup.Length == 0 ? "no group" : cluster.ComparableGroup)}) {F(cluster.ComparableCompoundAverage)}.");
        var scored = cluster.Areas.Where(a => !double.IsNaN(a.Index)).ToList();
        if (scored.Count > 0)
        {
            var best = scored.MaxBy(a => a.Index - a.AllAverage)!;
            var worst = scored.MinBy(a => a.Index - a.AllAverage)!;
            lines.Add($"Strongest area against all clusters: {best.Area} {F(best.Index)} ({Signed(best.Index - best.AllAverage)}); weakest: {worst.Area} {F(worst.Index)} ({Signed(worst.Index - worst.AllAverage)}).");
        }
        foreach (var effect in cluster.Effects.Where(e => e.Effect > 0).Take(3))
            lines.Add($"Lifted: {effect.Question.Id} ({effect.Area}) mean {F(effect.ClusterMean)} against {F(effect.AllClustersMean)} for all clusters, {Signed(effect.Effect)} points of the compound index.");
        foreach (var effect in cluster.Effects.Where(e => e.Effect < 0).Take(3))
            lines.Add($"Lowered: {effect.Question.Id} ({effect.Area}) mean {F(effect.ClusterMean)} against {F(effect.AllClustersMean)} for all clusters, {Signed(effect.Effect)} points of the compound index.");
        if (band > 0) lines.Add($"{F(Grades[band - 1].From - cluster.Compound)} points below grade {Grades[band - 1].Grade}.");
        if (band < Grades.Length - 1) lines.Add($"{F(cluster.Compound - Grades[band].From)} points above grade {Grades[band + 1].Grade}.");
        var missing = cluster.Areas.Where(a => double.IsNaN(a.Index)).Select(a => a.Area.ToString()).ToList();
        if (missing.Count > 0) lines.Add($"No answers in {string.Join(", ", missing)}: left out of the compound index.");
        return lines;
    }

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
}

public sealed record AreaResult(EvaluationArea Area, double Index, double ComparableAverage, double AllAverage, double Weight, int Respondents);

public sealed record QuestionEffect(EvaluationArea Area, Question Question, double ClusterMean, double AllClustersMean, double Effect);

public sealed record ClusterResult(
    string ClusterId,
    string ClusterName,
    string ComparableGroup,
    int Respondents,
    IReadOnlyList<AreaResult> Areas,
    double Compound,
    double ComparableCompoundAverage,
    double AllCompoundAverage,
    string Grade,
    IReadOnlyList<QuestionEffect> Effects);
