using Exchange.Surveys.Analytics;
using Exchange.Surveys.Model;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Analytics.Responses;

namespace Exchange.Surveys.Tests.Analytics;

public sealed class CrossTabulationTests
{
    private static readonly Questionnaire Survey = Questionnaire(
        Multiple("obstacles", ("communication", null), ("fundraising", null), ("none", null)),
        Single("status", ("continuing", 100), ("ceased", 0)),
        Scale("satisfaction"));

    [Fact]
    public void Multiple_answers_count_respondents_in_each_option_and_once_in_the_base()
    {
        var matrix = new Responses(Survey)
            .Add("Food", Options("obstacles", "communication", "fundraising"))
            .Add("Food", Options("obstacles", "communication"))
            .Add("Food", Options("obstacles", "fundraising"))
            .Add("It", Options("obstacles", "none"))
            .Add("It", Options("status", "ceased"))
            .Build();

        var table = CrossTabulation.Tabulate(matrix, matrix.Question("obstacles")!, matrix.Attribute("sector"), null);

        Assert.Equal(["Food", "It"], matrix.Attribute("sector")!.Values);
        // Food: 3 respondents who answered; It: 1 (the second It respondent did not answer the question).
        Assert.Equal([3, 1], table.ColumnRespondents);
        Assert.Equal((4, 1), (table.Respondents, table.NotAnswered));
        Assert.Equal((2, 0), (table.Count(0, 0), table.Count(0, 1)));
        Assert.Equal((2, 0), (table.Count(1, 0), table.Count(1, 1)));
        Assert.Equal((0, 1), (table.Count(2, 0), table.Count(2, 1)));
        // 2 of 3 = 66.7 %: over 66 %; the Food column adds up to more than 100 %.
        Assert.Equal(66.7, table.ColumnShare(0, 0));
        Assert.Equal(Band.Over66, table.Band(0, 0));
        Assert.Equal(100.0, table.ColumnShare(2, 1));
        Assert.Equal([2, 2, 1], table.RowTotals);
    }

    [Fact]
    public void A_respondent_with_two_values_counts_in_both_columns_and_one_without_in_the_unrecorded_column()
    {
        var matrix = new Responses(Survey)
            .Add([new AttributeValue("country", ["CN", "US"])], Options("status", "continuing"))
            .Add([new AttributeValue("country", ["CN"])], Options("status", "ceased"))
            .Add([], Options("status", "ceased"))
            .Build();

        var table = CrossTabulation.Tabulate(matrix, matrix.Question("status")!, matrix.Attribute("country"), null);

        Assert.Equal(["", "CN", "US"], matrix.Attribute("country")!.Values);
        Assert.Equal([1, 2, 1], table.ColumnRespondents);
        Assert.Equal(50.0, table.ColumnShare(0, 1));
        Assert.Equal(Band._50To66, table.Band(0, 1));
        Assert.Equal(3, table.Respondents);
    }

    [Fact]
    public void Scale_values_are_the_rows_and_filters_narrow_the_respondents()
    {
        var matrix = new Responses(Survey)
            .Add("Food", ScaleValue("satisfaction", 5))
            .Add("Food", ScaleValue("satisfaction", 4))
            .Add("It", ScaleValue("satisfaction", 5))
            .Build();

        var food = matrix.Select([("sector", ["Food"])]);
        var table = CrossTabulation.Tabulate(matrix, matrix.Question("satisfaction")!, null, food);

        Assert.Equal(["1", "2", "3", "4", "5"], matrix.Question("satisfaction")!.Categories.Select(c => c.Value));
        Assert.Equal([0, 0, 0, 1, 1], Enumerable.Range(0, 5).Select(i => table.Count(i, 0)));
        Assert.Equal(2, table.Respondents);
        Assert.Equal(Band._50To66, table.Band(4, 0));
    }

    [Fact]
    public void Options_only_an_older_version_had_are_kept_after_the_newer_ones()
    {
        var older = Questionnaire(Single("status", ("continuing", 100), ("paused", 50), ("ceased", 0)));
        var newer = Questionnaire(Single("status", ("continuing", 100), ("ceased", 0), ("merged", 80)));
        newer.Version = 2;
        var matrix = new Responses(older, newer)
            .Add("Food", Options("status", "paused"))
            .Add("Food", Options("status", "merged"))
            .Build();

        var status = matrix.Question("status")!;
        Assert.Equal(["continuing", "ceased", "merged", "paused"], status.Categories.Select(c => c.Value));
        var table = CrossTabulation.Tabulate(matrix, status, null, null);
        Assert.Equal([0, 0, 1, 1], table.RowTotals);
    }

    [Fact]
    public void The_table_as_csv_gives_count_share_and_band_per_column()
    {
        var matrix = new Responses(Survey)
            .Add("Tea", Options("status", "continuing"))
            .Add("Food, drinks", Options("status", "ceased"))
            .Build();
        var csv = TableCsv.CrossTab(CrossTabulation.Tabulate(matrix, matrix.Question("status")!, matrix.Attribute("sector"), null));
        var lines = csv.Split("\r\n");
        Assert.Equal("option,label,\"Food, drinks n\",\"Food, drinks %\",\"Food, drinks band\",Tea n,Tea %,Tea band,total n,total %,total band", lines[0]);
        Assert.Equal(",respondents,1,,,1,,,2,,", lines[1]);
        Assert.Equal("continuing,continuing,0,0.0,,1,100.0,over 66%,1,50.0,50-66%", lines[2]);
    }
}
