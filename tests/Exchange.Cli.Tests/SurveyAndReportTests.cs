using Exchange.Cli.Hosting;
using Exchange.Cli.Tests.Infrastructure;

namespace Exchange.Cli.Tests;

/// <summary>A coordinator opens a round, imports the responses from CSV, and exports reports as CSV files.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SurveyAndReportTests(Platform platform)
{
    private const string Answers = "reasons,objectives,expectations,run-by,body-contribution,first-achievement,achievement-kinds,exchange-status," +
        "sp-global-perspective,sp-regional-measures,sp-wide-vision,sp-company-motivation,sp-networks,sp-communication,sp-flexibility,sp-long-term,comments";

    [Fact]
    public async Task A_round_is_opened_its_responses_imported_from_csv_and_exported_again()
    {
        var folder = Directory.CreateTempSubdirectory("exchange-cli-survey").FullName;
        var hanoi = await ProjectCommandTests.ProjectId(platform, "Kitakyushu - Hanoi IT tie-up");
        var tamilNadu = await ProjectCommandTests.ProjectId(platform, "Fukuoka - Tamil Nadu embedded software tie-up");
        var tokens = Path.Combine(folder, "invitations.csv");
        var opened = await platform.Coordinator.Ok("surveys", "open-round", "--title", "Success factors of IT tie-ups FY2008", "--fiscal-year", "2008",
            "--project", hanoi, "--project", tamilNadu, "--tokens-out", tokens, "--json");
        var roundId = opened.Json.GetProperty("round").GetProperty("id").GetString()!;
        Assert.Equal(2, opened.Json.GetProperty("invitations").GetArrayLength());

        // The office adds the answers it received on paper to the file of tokens.
        var invitations = Input.CsvFile.Read(tokens);
        Assert.Equal(["invitation_id", "project_id", "respondent", "organisation_id", "role", "token"], invitations.Header);
        var responses = Path.Combine(folder, "responses.csv");
        await File.WriteAllTextAsync(responses,
            string.Join(",", invitations.Header) + "," + Answers + "\n" +
            string.Join("\n", invitations.Rows.Select((row, i) => string.Join(",", row.Values) + "," + (i == 0
                ? "overseas-market|upgrade-technology,technical-exchange,advanced-technology-cluster,city-government|regional-companies,sufficiently,during,sales-channel,continuing-own-budget,4,4,3,4,5,3,4,5,\"Good partners, long term\""
                : "revitalise-industry,new-sales-channels,same-field-cluster,prefectural-government,to-an-extent,not-yet,,ceased,2,3,2,2,3,2,2,1,"))) + "\n");

        var imported = await platform.Coordinator.Ok("surveys", "import-responses", "--round", roundId, "--file", responses);
        Assert.Contains($"Imported 2 of 2 responses into round {roundId}; response rate now 2 sent, 2 valid, 100.0 %", imported.Output);
        Assert.Contains("Importing responses", imported.Errors);

        // The same answers again are the same submissions: accepted, nothing changes.
        var again = await platform.Coordinator.Ok("surveys", "import-responses", "--round", roundId, "--file", responses, "--json");
        Assert.Equal(2, again.Json.GetProperty("submitted").GetInt32());
        Assert.Equal(0, again.Json.GetProperty("failed").GetArrayLength());

        var export = Path.Combine(folder, "export.csv");
        var exported = await platform.Coordinator.Ok("reports", "export", "responses", "--round", roundId, "--out", export);
        Assert.Contains($"Wrote responses to {export}: 2 rows", exported.Output);
        var csv = Input.CsvFile.Read(export);
        Assert.Equal(2, csv.Rows.Count);
        Assert.Contains(csv.Rows, row => row["reasons"] == "overseas-market|upgrade-technology" && row["comments"] == "Good partners, long term");

        var crossTab = Path.Combine(folder, "cross-tab.csv");
        var tabulated = await platform.Coordinator.Ok("reports", "export", "cross-tab", "--round", roundId, "--question", "reasons", "--by", "sector", "--out", crossTab, "--json");
        Assert.Equal("cross-tab", tabulated.Json.GetProperty("report").GetString());
        Assert.Contains("overseas-market", await File.ReadAllTextAsync(crossTab));
    }

    [Fact]
    public async Task Refused_responses_are_listed_by_line_and_the_others_still_imported()
    {
        var folder = Directory.CreateTempSubdirectory("exchange-cli-survey").FullName;
        var ibaraki = await ProjectCommandTests.ProjectId(platform, "Ibaraki - Shanghai environment tie-up");
        var tokens = Path.Combine(folder, "invitations.csv");
        var opened = await platform.Coordinator.Ok("surveys", "open-round", "--title", "Ibaraki follow-up", "--fiscal-year", "2008", "--project", ibaraki, "--tokens-out", tokens, "--json");
        var roundId = opened.Json.GetProperty("round").GetProperty("id").GetString()!;
        var token = Input.CsvFile.Read(tokens).Rows[0]["token"];

        var responses = Path.Combine(folder, "responses.csv");
        await File.WriteAllTextAsync(responses, $"token,reasons,body-contribution\n{token},to-make-friends,sufficiently\n{new string('x', 43)},revitalise-industry,sufficiently\n");
        var refused = await platform.Coordinator.Run("surveys", "import-responses", "--round", roundId, "--file", responses);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("error: 2 of 2 responses were refused", refused.Errors);
        Assert.Contains("  - line 2: INVALID_ARGUMENT: ", refused.Errors);
        Assert.Contains("to-make-friends", refused.Errors);
        Assert.Contains("  - line 3: ", refused.Errors);

        await File.WriteAllTextAsync(responses, $"token,reasonz\n{token},revitalise-industry\n");
        var typo = await platform.Coordinator.Run("surveys", "import-responses", "--round", roundId, "--file", responses);
        Assert.Equal(ExitCodes.Usage, typo.ExitCode);
        Assert.Contains("the column reasonz names no question of success-factor v1", typo.Errors);
    }

    [Fact]
    public async Task Spending_and_programme_totals_export_to_csv()
    {
        var folder = Directory.CreateTempSubdirectory("exchange-cli-report").FullName;
        var hamamatsu = await ProjectCommandTests.ProjectId(platform, "Hamamatsu - Jena optical appliances tie-up");
        var spending = Path.Combine(folder, "spending.csv");
        await platform.Coordinator.Ok("reports", "export", "spending", "--fiscal-year", "2007", "--project", hamamatsu, "--out", spending);
        var rows = Input.CsvFile.Read(spending);
        Assert.Equal("fiscal_year", rows.Header[0]);
        Assert.Contains(rows.Rows, r => r["support_tool"].Contains("PARTNER_INVITATION", StringComparison.OrdinalIgnoreCase) || r["support_tool"].Contains("partner", StringComparison.OrdinalIgnoreCase));

        var totals = Path.Combine(folder, "totals.csv");
        var written = await platform.Coordinator.Ok("reports", "export", "programme-totals", "--fiscal-year", "2008", "--out", totals, "--json");
        var csv = Input.CsvFile.Read(totals);
        Assert.Equal(written.Json.GetProperty("rows").GetInt32(), csv.Rows.Count);
        Assert.Contains(csv.Rows, r => r["project_id"] == hamamatsu && r["support_tool"] == "overseas-mission");
        Assert.Contains(csv.Rows, r => r["project_id"] == "programme" && r["support_tool"] == "");

        var missing = await platform.Coordinator.Run("reports", "export", "spending", "--out", totals);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("spending needs --fiscal-year", missing.Errors);
    }
}
