using Exchange.Surveys.Analytics;
using Exchange.Surveys.Model;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Grpc;

/// <summary>The analytics results as the API shows them, each table with its CSV.</summary>
internal static class AnalyticsMapper
{
    public static CrossTab ToMessage(CrossTabResult table, Question question)
    {
        var message = new CrossTab
        {
            QuestionId = question.Id,
            QuestionText = question.Text,
            QuestionKind = question.Kind,
            ByAttribute = table.By?.Key ?? "",
            Respondents = table.Respondents,
            NotAnswered = table.NotAnswered,
            Csv = TableCsv.CrossTab(table),
        };
        for (var j = 0; j < table.Columns; j++)
        {
            var value = table.By?.Values[j] ?? "";
            message.Columns.Add(new TableColumn
            {
                Value = value,
                Label = table.By is null ? "all respondents" : RespondentAttributes.Label(table.By.Key, value),
                Respondents = table.ColumnRespondents[j],
            });
        }
        for (var i = 0; i < table.Rows; i++)
        {
            var category = table.Question.Categories[i];
            var row = new TableRow { Value = category.Value, Label = category.Label };
            for (var j = 0; j < table.Columns; j++)
                row.Cells.Add(new TableCell { Count = table.Count(i, j), ColumnSharePercent = table.ColumnShare(i, j), Band = table.Band(i, j) });
            row.Total = new TableCell
            {
                Count = table.RowTotals[i],
                ColumnSharePercent = Shares.Percent(table.RowTotals[i], table.Respondents),
                Band = Shares.BandOf(table.RowTotals[i], table.Respondents),
            };
            message.Rows.Add(row);
        }
        return message;
    }

    public static TwoWayTable ToMessage(TwoWayResult table, Question rowQuestion, Question columnQuestion)
    {
        var message = new TwoWayTable
        {
            RowQuestionId = rowQuestion.Id,
            RowQuestionText = rowQuestion.Text,
            ColumnQuestionId = columnQuestion.Id,
            ColumnQuestionText = columnQuestion.Text,
            Respondents = table.Respondents,
            Csv = TableCsv.TwoWay(table),
        };
        for (var j = 0; j < table.Columns; j++)
        {
            var category = table.ColumnQuestion.Categories[j];
            message.Columns.Add(new TableColumn { Value = category.Value, Label = category.Label.En, Respondents = table.ColumnRespondents[j] });
        }
        for (var i = 0; i < table.Rows; i++)
        {
            var category = table.RowQuestion.Categories[i];
            var row = new TableRow { Value = category.Value, Label = category.Label, Respondents = table.RowRespondents[i] };
            for (var j = 0; j < table.Columns; j++)
                row.Cells.Add(new TableCell
                {
                    Count = table.Count(i, j),
                    RowSharePercent = table.RowShare(i, j),
                    ColumnSharePercent = table.ColumnShare(i, j),
                    Band = table.Band(i, j),
                    Expected = table.ChiSquare?.Expected[i * table.Columns + j] ?? 0,
                });
            row.Total = new TableCell { Count = table.RowRespondents[i], ColumnSharePercent = Shares.Percent(table.RowRespondents[i], table.Respondents) };
            message.Rows.Add(row);
        }
        message.ChiSquare = table.ChiSquare is { } test
            ? new ChiSquareTest
            {
                Applicable = true,
                Statistic = test.Statistic,
                DegreesOfFreedom = test.DegreesOfFreedom,
                PValue = test.PValue,
                CellsExpectedBelowFive = test.CellsExpectedBelowFive,
                RowsTested = test.RowsTested,
                ColumnsTested = test.ColumnsTested,
                Note = table.Note,
            }
            : new ChiSquareTest { Applicable = false, Note = table.Note };
        return message;
    }

    public static SuccessPointScore ToMessage(PointScore point) => new()
    {
        Point = point.Point,
        Score = Zero(point.Score),
        ProgrammeAverage = Zero(point.ProgrammeAverage),
        Difference = Zero(point.Difference),
        Answers = point.Answers,
        Scored = point.Scored,
    };

    public static ClusterEvaluation ToMessage(ClusterResult cluster, IReadOnlyDictionary<string, Question> questions, int top)
    {
        var message = new ClusterEvaluation
        {
            ClusterId = cluster.ClusterId,
            ClusterName = cluster.ClusterName,
            ComparableGroup = cluster.ComparableGroup,
            Respondents = cluster.Respondents,
            CompoundIndex = Zero(cluster.Compound),
            ComparableCompoundAverage = Zero(cluster.ComparableCompoundAverage),
            AllCompoundAverage = Zero(cluster.AllCompoundAverage),
            Grade = cluster.Grade,
            Method = ClusterGrading.Method,
        };
        message.Areas.Add(cluster.Areas.Select(a => new AreaIndex
        {
            Area = a.Area,
            Index = Zero(a.Index),
            ComparableAverage = Zero(a.ComparableAverage),
            AllAverage = Zero(a.AllAverage),
            Weight = a.Weight,
            Respondents = a.Respondents,
        }));
        message.Contributions.Add(cluster.Effects.Take(top).Select(e => new GradeContribution
        {
            Area = e.Area,
            QuestionId = e.Question.Id,
            QuestionText = questions.GetValueOrDefault(e.Question.Id)?.Text ?? e.Question.Text,
            ClusterMean = e.ClusterMean,
            AllClustersMean = e.AllClustersMean,
            Effect = e.Effect,
        }));
        message.Explanation.Add(ClusterGrading.Explain(cluster));
        return message;
    }

    // Proto doubles cannot say "none": an index without answers is 0, with the flag or count beside it saying so.
    private static double Zero(double value) => double.IsNaN(value) ? 0 : value;
}
