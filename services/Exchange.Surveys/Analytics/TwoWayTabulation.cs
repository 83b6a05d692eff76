using System.Numerics;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Analytics;

/// <summary>
/// One question against another (how far the implementation body contributed, against when the
/// first achievement came), over the respondents who answered both. Row shares divide by the
/// row's respondents, column shares by the column's. The chi-square test needs each respondent in
/// exactly one cell, so it applies to single-answer questions (single choice, scale) only.
/// </summary>
public static class TwoWayTabulation
{
    public static TwoWayResult Tabulate(QuestionColumn rowQuestion, QuestionColumn columnQuestion, int respondentCount, int[]? respondents)
    {
        var rowMasks = rowQuestion.Masks ?? throw new ArgumentException($"question {rowQuestion.Id} is not a choice or scale question", nameof(rowQuestion));
        var columnMasks = columnQuestion.Masks ?? throw new ArgumentException($"question {columnQuestion.Id} is not a choice or scale question", nameof(columnQuestion));
        var rows = rowQuestion.Categories.Count;
        var columns = columnQuestion.Categories.Count;
        var counts = new int[rows * columns];
        var rowRespondents = new int[rows];
        var columnRespondents = new int[columns];
        var both = 0;
        var total = respondents?.Length ?? respondentCount;
        for (var k = 0; k < total; k++)
        {
            var r = respondents is null ? k : respondents[k];
            var rowMask = rowMasks[r];
            var columnMask = columnMasks[r];
            if (rowMask == 0 || columnMask == 0) continue;
            both++;
            for (var bits = columnMask; bits != 0; bits &= bits - 1) columnRespondents[BitOperations.TrailingZeroCount(bits)]++;
            for (var rowBits = rowMask; rowBits != 0; rowBits &= rowBits - 1)
            {
                var i = BitOperations.TrailingZeroCount(rowBits);
                rowRespondents[i]++;
                for (var bits = columnMask; bits != 0; bits &= bits - 1) counts[i * columns + BitOperations.TrailingZeroCount(bits)]++;
            }
        }

        string? note = null;
        ChiSquareResult? chiSquare = null;
        if (rowQuestion.MultipleAnswers || columnQuestion.MultipleAnswers)
            note = "not applicable: a multiple-answer question counts one respondent in several cells, which the test does not allow";
        else if ((chiSquare = ChiSquare.Test(counts, rows, columns)) is null)
            note = "not applicable: fewer than two rows or two columns have any respondent";
        else if (chiSquare.CellsExpectedBelowFive > 0)
            note = $"{chiSquare.CellsExpectedBelowFive} cells have an expected count below 5: the p-value is a rough approximation";
        return new TwoWayResult(rowQuestion, columnQuestion, counts, rowRespondents, columnRespondents, both, chiSquare, note ?? "");
    }
}

public sealed record TwoWayResult(
    QuestionColumn RowQuestion,
    QuestionColumn ColumnQuestion,
    int[] Counts,
    int[] RowRespondents,
    int[] ColumnRespondents,
    int Respondents,
    ChiSquareResult? ChiSquare,
    string Note)
{
    public int Rows => RowRespondents.Length;

    public int Columns => ColumnRespondents.Length;

    public int Count(int row, int column) => Counts[row * Columns + column];

    public double RowShare(int row, int column) => Shares.Percent(Count(row, column), RowRespondents[row]);

    public double ColumnShare(int row, int column) => Shares.Percent(Count(row, column), ColumnRespondents[column]);

    public Band Band(int row, int column) => Shares.BandOf(Count(row, column), ColumnRespondents[column]);
}
