namespace Exchange.Surveys.Analytics;

/// <summary>
/// Pearson's chi-square test of independence of a two-way table of counts: expected counts from
/// the margins (row total x column total / n), the statistic Σ (observed - expected)² / expected
/// over the rows and columns that have any count, (rows - 1)(columns - 1) degrees of freedom,
/// and the p-value P(X ≥ statistic) = Q(df / 2, statistic / 2).
/// </summary>
public static class ChiSquare
{
    /// <summary>P(X ≥ <paramref name="statistic"/>) for X chi-square distributed with <paramref name="degreesOfFreedom"/>.</summary>
    public static double UpperTail(double statistic, int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "must be at least 1");
        return statistic <= 0 ? 1 : IncompleteGamma.Upper(degreesOfFreedom / 2.0, statistic / 2.0);
    }

    /// <summary>The test of <paramref name="counts"/> (rows x columns, row by row); null when fewer than two rows or columns have counts.</summary>
    public static ChiSquareResult? Test(int[] counts, int rows, int columns)
    {
        var rowTotals = new long[rows];
        var columnTotals = new long[columns];
        long n = 0;
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
            {
                var count = counts[i * columns + j];
                rowTotals[i] += count;
                columnTotals[j] += count;
                n += count;
            }
        var testedRows = rowTotals.Count(t => t > 0);
        var testedColumns = columnTotals.Count(t => t > 0);
        if (testedRows < 2 || testedColumns < 2) return null;

        var expected = new double[rows * columns];
        double statistic = 0;
        var belowFive = 0;
        for (var i = 0; i < rows; i++)
        {
            if (rowTotals[i] == 0) continue;
            for (var j = 0; j < columns; j++)
            {
                if (columnTotals[j] == 0) continue;
                var e = (double)rowTotals[i] * columnTotals[j] / n;
                expected[i * columns + j] = e;
                var difference = counts[i * columns + j] - e;
                statistic += difference * difference / e;
                if (e < 5) belowFive++;
            }
        }
        var degreesOfFreedom = (testedRows - 1) * (testedColumns - 1);
        return new ChiSquareResult(statistic, degreesOfFreedom, UpperTail(statistic, degreesOfFreedom), belowFive, testedRows, testedColumns, expected);
    }
}

public sealed record ChiSquareResult(
    double Statistic,
    int DegreesOfFreedom,
    double PValue,
    int CellsExpectedBelowFive,
    int RowsTested,
    int ColumnsTested,
    double[] Expected);
