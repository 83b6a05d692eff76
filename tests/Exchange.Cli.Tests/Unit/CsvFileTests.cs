using Exchange.Cli.Hosting;
using Exchange.Cli.Input;

namespace Exchange.Cli.Tests.Unit;

public sealed class CsvFileTests
{
    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks_and_lines_are_numbered_from_the_file()
    {
        var csv = CsvFile.Parse("t.csv", "\uFEFFName,Note\r\n\"Sato, Aiko\",\"said \"\"yes\"\"\"\r\n\r\nMori,\"two\nlines\"\nOno,\n");
        Assert.Equal(["Name", "Note"], csv.Header);
        Assert.Equal(3, csv.Rows.Count);
        Assert.Equal("Sato, Aiko", csv.Rows[0]["name"]);
        Assert.Equal("said \"yes\"", csv.Rows[0]["NOTE"]);
        Assert.Equal("two\nlines", csv.Rows[1]["note"]);
        Assert.Equal(4, csv.Rows[1].Line);
        Assert.Equal(6, csv.Rows[2].Line);
        Assert.Equal("", csv.Rows[2]["missing column"]);
    }

    [Theory]
    [InlineData("a,b\n1\n", "line 2 has 1 fields; the header has 2")]
    [InlineData("a,b\n\"1,2\n", "a quoted field opened on line 2 is never closed")]
    [InlineData("", "is empty")]
    public void A_malformed_file_is_a_usage_error_naming_the_line(string text, string message)
    {
        var failure = Assert.Throws<CliFailure>(() => CsvFile.Parse("t.csv", text));
        Assert.Equal(ExitCodes.Usage, failure.ExitCode);
        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void Written_csv_reads_back_the_same()
    {
        string?[] fields = ["plain", "a,b", "say \"hi\"", "two\r\nlines", null];
        var text = CsvText.Table(["1", "2", "3", "4", "5"], [fields]);
        var read = CsvFile.Parse("t.csv", text);
        Assert.Equal(fields.Select(f => f ?? ""), read.Rows[0].Values);
    }
}
