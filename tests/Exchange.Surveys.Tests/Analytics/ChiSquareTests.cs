using Exchange.Surveys.Analytics;

namespace Exchange.Surveys.Tests.Analytics;

public sealed class ChiSquareTests
{
    [Theory]
    // Critical values of the chi-square distribution at 5 % and 1 %.
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(6.634896601021214, 1, 0.01)]
    [InlineData(5.991464547107979, 2, 0.05)]
    [InlineData(11.070497693516351, 5, 0.05)]
    [InlineData(18.307038053275146, 10, 0.05)]
    public void The_upper_tail_at_critical_values_is_their_level(double statistic, int df, double p) =>
        Assert.Equal(p, ChiSquare.UpperTail(statistic, df), 9);

    [Theory]
    [InlineData(0.5, 2)]
    [InlineData(4.0, 2)]
    [InlineData(12.0, 4)]
    [InlineData(30.0, 6)]
    [InlineData(100.0, 8)]
    public void Even_degrees_of_freedom_match_the_closed_form(double x, int df)
    {
        // P(X >= x) = e^(-x/2) Σ_{i < df/2} (x/2)^i / i! for even df.
        double sum = 0, term = 1;
        for (var i = 0; i < df / 2; i++)
        {
            sum += term;
            term *= x / 2 / (i + 1);
        }
        Assert.Equal(Math.Exp(-x / 2) * sum, ChiSquare.UpperTail(x, df), 12);
    }

    [Fact]
    public void One_degree_of_freedom_matches_the_normal_distribution()
    {
        // X = Z² for one degree of freedom: P(X >= 1.96²) = P(|Z| >= 1.96) = 0.0499957902964...
        Assert.Equal(0.04999579029644087, ChiSquare.UpperTail(1.96 * 1.96, 1), 10);
    }

    [Fact]
    public void Log_gamma_matches_factorials_and_the_half()
    {
        Assert.Equal(Math.Log(24), IncompleteGamma.LogGamma(5), 12);
        Assert.Equal(Math.Log(3628800), IncompleteGamma.LogGamma(11), 11);
        Assert.Equal(0.5 * Math.Log(Math.PI), IncompleteGamma.LogGamma(0.5), 12);
        Assert.Equal(Math.Log(15 * Math.Sqrt(Math.PI) / 8), IncompleteGamma.LogGamma(3.5), 12);
    }

    [Fact]
    public void A_two_by_two_table_computed_by_hand()
    {
        // Observed [[10, 20], [30, 40]]: rows 30 and 70, columns 40 and 60, n = 100.
        // Expected [[12, 18], [28, 42]]; statistic = 4/12 + 4/18 + 4/28 + 4/42 = 0.793650...
        var result = ChiSquare.Test([10, 20, 30, 40], 2, 2)!;
        var statistic = 4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42;
        Assert.Equal(statistic, result.Statistic, 12);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal([12.0, 18.0, 28.0, 42.0], result.Expected);
        // One degree of freedom: p = 2 (1 - Φ(√x)) = erfc(√(x / 2)) = 0.372998...
        Assert.Equal(0.37299848361348714, result.PValue, 10);
        Assert.Equal(0, result.CellsExpectedBelowFive);
    }

    [Fact]
    public void A_two_by_three_table_computed_by_hand()
    {
        // Observed [[20, 15, 5], [10, 15, 35]]: rows 40, 60; columns 30, 30, 40; n = 100.
        // Expected [[12, 12, 16], [18, 18, 24]].
        var result = ChiSquare.Test([20, 15, 5, 10, 15, 35], 2, 3)!;
        var statistic = 64.0 / 12 + 9.0 / 12 + 121.0 / 16 + 64.0 / 18 + 9.0 / 18 + 121.0 / 24;
        Assert.Equal(statistic, result.Statistic, 12);
        Assert.Equal(2, result.DegreesOfFreedom);
        // Two degrees of freedom: p = e^(-x / 2).
        Assert.Equal(Math.Exp(-statistic / 2), result.PValue, 14);
    }

    [Fact]
    public void Empty_rows_and_columns_are_left_out_and_one_row_is_no_test()
    {
        var result = ChiSquare.Test([10, 0, 20, 0, 0, 0, 30, 0, 40], 3, 3)!;
        Assert.Equal((2, 2, 1), (result.RowsTested, result.ColumnsTested, result.DegreesOfFreedom));
        Assert.Equal(4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42, result.Statistic, 12);
        Assert.Null(ChiSquare.Test([5, 7, 0, 0], 2, 2));
    }
}
