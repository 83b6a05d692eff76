using Exchange.Surveys.Analytics;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Analytics.Responses;

namespace Exchange.Surveys.Tests.Analytics;

public sealed class TwoWayTabulationTests
{
    private static readonly Questionnaire Survey = Questionnaire(
        Single("contribution", ("sufficiently", 100), ("to-an-extent", 50)),
        Single("first", ("during", null), ("after", null), ("not-yet", null)),
        Multiple("obstacles", ("communication", null), ("fundraising", null)));

    [Fact]
    public void Row_and_column_shares_and_the_test_of_a_two_by_three_table_computed_by_hand()
    {
        // contribution x first: [[3, 1, 0], [1, 2, 2]]; one respondent answered only one of the two.
        var responses = new Responses(Survey);
        void Add(string contribution, string first, int times)
        {
            for (var i = 0; i < times; i++) responses.Add((string?)null, Options("contribution", contribution), Options("first", first));
        }
        Add("sufficiently", "during", 3);
        Add("sufficiently", "after", 1);
        Add("to-an-extent", "during", 1);
        Add("to-an-extent", "after", 2);
        Add("to-an-extent", "not-yet", 2);
        responses.Add((string?)null, Options("contribution", "sufficiently"));
        var matrix = responses.Build();

        var table = TwoWayTabulation.Tabulate(matrix.Question("contribution")!, matrix.Question("first")!, matrix.Count, null);

        Assert.Equal(9, table.Respondents);
        Assert.Equal([4, 5], table.RowRespondents);
        Assert.Equal([4, 3, 2], table.ColumnRespondents);
        Assert.Equal(75.0, table.RowShare(0, 0));
        Assert.Equal(75.0, table.ColumnShare(0, 0));
        Assert.Equal(40.0, table.RowShare(1, 2));
        Assert.Equal(100.0, table.ColumnShare(1, 2));
        // Expected: row total x column total / 9.
        double[] expected = [16.0 / 9, 12.0 / 9, 8.0 / 9, 20.0 / 9, 15.0 / 9, 10.0 / 9];
        int[] observed = [3, 1, 0, 1, 2, 2];
        var statistic = observed.Select((o, i) => (o - expected[i]) * (o - expected[i]) / expected[i]).Sum();
        var test = table.ChiSquare!;
        Assert.Equal(statistic, test.Statistic, 12);
        Assert.Equal(2, test.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-statistic / 2), test.PValue, 12);
        Assert.Equal(6, test.CellsExpectedBelowFive);
        Assert.Contains("rough", table.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multiple_answer_question_gets_its_table_but_no_test()
    {
        var matrix = new Responses(Survey)
            .Add((string?)null, Options("contribution", "sufficiently"), Options("obstacles", "communication", "fundraising"))
            .Add((string?)null, Options("contribution", "to-an-extent"), Options("obstacles", "fundraising"))
            .Build();

        var table = TwoWayTabulation.Tabulate(matrix.Question("contribution")!, matrix.Question("obstacles")!, matrix.Count, null);

        Assert.Equal([1, 2], table.ColumnRespondents);
        Assert.Equal(50.0, table.ColumnShare(0, 1));
        Assert.Null(table.ChiSquare);
        Assert.StartsWith("not applicable: a multiple-answer question", table.Note, StringComparison.Ordinal);
    }
}
