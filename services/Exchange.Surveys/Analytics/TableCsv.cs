using System.Globalization;
using Exchange.Surveys.Model;

namespace Exchange.Surveys.Analytics;

/// <summary>Every analytics table as CSV, as the programme's reports lay them out.</summary>
public static class TableCsv
{
    /// <summary>One line per option: its label, then per column the count, the share of the column's respondents and the band; the base first.</summary>
    public static string CrossTab(CrossTabResult table)
    {
        var csv = new CsvWriter();
        var columns = ColumnLabels(table.By, table.Columns);
        csv.Field("option").Field("label");
        foreach (var column in columns) csv.Field($"{column} n").Field($"{column} %").Field($"{column} band");
        csv.Field("total n").Field("total %").Field("total band").EndLine();
        csv.Field("").Field("respondents");
        for (var j = 0; j < table.Columns; j++) csv.Field(table.ColumnRespondents[j]).Field("").Field("");
        csv.Field(table.Respondents).Field("").Field("").EndLine();
        for (var i = 0; i < table.Rows; i++)
        {
            var category = table.Question.Categories[i];
            csv.Field(category.Value).Field(category.Label.En);
            for (var j = 0; j < table.Columns; j++)
                csv.Field(table.Count(i, j)).Field(table.ColumnShare(i, j)).Field(Shares.Label(table.Band(i, j)));
            csv.Field(table.RowTotals[i]).Field(Shares.Percent(table.RowTotals[i], table.Respondents)).Field(Shares.Label(Shares.BandOf(table.RowTotals[i], table.Respondents))).EndLine();
        }
        return csv.ToString();
    }

    public static string TwoWay(TwoWayResult table)
    {
        var csv = new CsvWriter();
        csv.Field($"{table.RowQuestion.Id} \\ {table.ColumnQuestion.Id}").Field("respondents");
        foreach (var column in table.ColumnQuestion.Categories) csv.Field($"{column.Value} n").Field($"{column.Value} row %").Field($"{column.Value} column %");
        csv.EndLine();
        csv.Field("respondents").Field(table.Respondents);
        for (var j = 0; j < table.Columns; j++) csv.Field(table.ColumnRespondents[j]).Field("").Field("");
        csv.EndLine();
        for (var i = 0; i < table.Rows; i++)
        {
            csv.Field(table.RowQuestion.Categories[i].Value).Field(table.RowRespondents[i]);
            for (var j = 0; j < table.Columns; j++) csv.Field(table.Count(i, j)).Field(table.RowShare(i, j)).Field(table.ColumnShare(i, j));
            csv.EndLine();
        }
        if (table.ChiSquare is { } test)
            csv.Field("chi-square").Field(test.Statistic.ToString("0.0000", CultureInfo.InvariantCulture))
                .Field("df").Field(test.DegreesOfFreedom)
                .Field("p").Field(test.PValue.ToString("0.000000", CultureInfo.InvariantCulture)).EndLine();
        else
            csv.Field("chi-square").Field(table.Note).EndLine();
        return csv.ToString();
    }

    public static string SuccessPoints(SuccessPointResult result, IReadOnlyDictionary<string, string> titles)
    {
        var csv = new CsvWriter();
        csv.Field("project").Field("title").Field("respondents");
        foreach (var point in SuccessPointScoring.Points) csv.Field(point.ToString()).Field($"{point} vs programme");
        csv.EndLine();
        foreach (var project in result.Projects)
        {
            csv.Field(project.ProjectId).Field(titles.GetValueOrDefault(project.ProjectId, "")).Field(project.Respondents);
            foreach (var point in project.Points) csv.Field(point.Score).Field(point.Difference);
            csv.EndLine();
        }
        csv.Field("programme").Field("average").Field("");
        foreach (var point in result.Programme) csv.Field(point.Score).Field("");
        return csv.EndLine().ToString();
    }

    public static string Clusters(IReadOnlyList<ClusterResult> clusters)
    {
        var csv = new CsvWriter();
        csv.Field("cluster").Field("name").Field("comparable group").Field("respondents");
        foreach (var area in ClusterGrading.Areas) csv.Field(area.ToString()).Field($"{area} comparable").Field($"{area} all");
        csv.Field("compound").Field("compound comparable").Field("compound all").Field("grade").Field("method").EndLine();
        foreach (var cluster in clusters)
        {
            csv.Field(cluster.ClusterId).Field(cluster.ClusterName).Field(cluster.ComparableGroup).Field(cluster.Respondents);
            foreach (var area in cluster.Areas) csv.Field(area.Index).Field(area.ComparableAverage).Field(area.AllAverage);
            csv.Field(cluster.Compound).Field(cluster.ComparableCompoundAverage).Field(cluster.AllCompoundAverage).Field(cluster.Grade).Field(ClusterGrading.Method).EndLine();
        }
        return csv.ToString();
    }

    private static IReadOnlyList<string> ColumnLabels(AttributeColumn? by, int columns) =>
        by is null ? ["all"] : [.. Enumerable.Range(0, columns).Select(j => RespondentAttributes.Label(by.Key, by.Values[j]))];
}
