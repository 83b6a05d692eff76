using System.Numerics;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Analytics;

/// <summary>
/// Counts of one question's answers by the values of one respondent attribute (the programme's
/// tables by sector). The base of a column is its respondents who answered the question: a
/// multiple-answer question counts each respondent once in the base and once in every option it
/// chose, so a column's shares may add up to more than 100 %. A respondent with two values of the
/// attribute (a project in two countries) counts in both columns.
/// </summary>
public static class CrossTabulation
{
    public static CrossTabResult Tabulate(ResponseMatrix matrix, QuestionColumn question, AttributeColumn? by, int[]? respondents)
    {
        var masks = question.Masks ?? throw new ArgumentException($"question {question.Id} is a {question.Kind} question: only choice and scale questions are counted", nameof(question));
        var rows = question.Categories.Count;
        var columns = by?.Values.Count ?? 1;
        var counts = new int[rows * columns];
        var columnRespondents = new int[columns];
        var rowTotals = new int[rows];
        var answered = 0;
        var notAnswered = 0;
        var total = respondents?.Length ?? matrix.Count;
        for (var i = 0; i < total; i++)
        {
            var r = respondents is null ? i : respondents[i];
            var mask = masks[r];
            if (mask == 0)
            {
                notAnswered++;
                continue;
            }
            answered++;
            for (var bits = mask; bits != 0; bits &= bits - 1) rowTotals[BitOperations.TrailingZeroCount(bits)]++;
            if (by is null)
            {
                columnRespondents[0]++;
                for (var bits = mask; bits != 0; bits &= bits - 1) counts[BitOperations.TrailingZeroCount(bits) * columns]++;
                continue;
            }
            foreach (var column in by.CodesOf(r))
            {
                columnRespondents[column]++;
                for (var bits = mask; bits != 0; bits &= bits - 1) counts[BitOperations.TrailingZeroCount(bits) * columns + column]++;
            }
        }
        return new CrossTabResult(question, by, counts, columnRespondents, rowTotals, answered, notAnswered);
    }
}

/// <summary>The counts of a cross-tab: <see cref="Count"/>(row, column); rows are the question's categories.</summary>
public sealed record CrossTabResult(
    QuestionColumn Question,
    AttributeColumn? By,
    int[] Counts,
    int[] ColumnRespondents,
    int[] RowTotals,
    int Respondents,
    int NotAnswered)
{
    public int Rows => Question.Categories.Count;

    public int Columns => ColumnRespondents.Length;

    public int Count(int row, int column) => Counts[row * Columns + column];

    public double ColumnShare(int row, int column) => Shares.Percent(Count(row, column), ColumnRespondents[column]);

    public Band Band(int row, int column) => Shares.BandOf(Count(row, column), ColumnRespondents[column]);
}
