using Exchange.Messaging.Persistence;
using Exchange.Surveys.Tests.Infrastructure;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Infrastructure.Samples;

namespace Exchange.Surveys.Tests;

/// <summary>
/// A cluster-evaluation round over three clusters of member companies, graded with the versioned
/// method; indices, averages, grades and the answers that moved them are computed by hand.
/// </summary>
[Collection(SurveysCollection.Name)]
public sealed class ClusterEvaluationTests(SurveysFixture fixture)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Clusters_are_graded_from_their_members_answers_against_comparable_and_all_clusters(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var created = await deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Title = new LocalizedText { En = "Cluster evaluation FY2008", Ja = "クラスター評価 2008年度" },
            QuestionnaireId = "cluster-evaluation",
            FiscalYear = 2008,
            Clusters =
            {
                Cluster("hamamatsu-optics", "Hamamatsu optics", "manufacturing", "Opto One", "Opto Two"),
                Cluster("suwa-precision", "Suwa precision", "manufacturing", "Micro One"),
            },
        });
        // A large evaluation goes out in batches.
        var added = await deployment.Client.AddTargets(new AddSurveyTargetsRequest
        {
            RoundId = created.Round.Id,
            Clusters = { Cluster("suwa-precision-2", "Suwa precision (second site)", "manufacturing", "Micro Two"), Cluster("kansai-bio", "Kansai bio", "bio", "Bio One") },
        });
        Assert.Equal("5 sent, 0 valid, 0.0 %", added.Round.ResponseRate.Line);
        Assert.Equal(["hamamatsu-optics", "suwa-precision", "suwa-precision-2", "kansai-bio"], added.Round.ClusterIds);
        var tokens = created.Invitations.Concat(added.Invitations).ToDictionary(i => i.Invitation.Respondent.Name, i => i.Token);

        // Hamamatsu: one member scores 100 everywhere, one 50: every question's mean is 75, so every area is 75 and the compound 75 (grade A, at the threshold).
        // Suwa: scores 50, but no joint R&D and no patents (0): R&D 0, the other five areas 50, compound 250 / 6 = 41.67 (D).
        // Suwa second site: 50 everywhere (C at 50).
        // Kansai: 100, but overall satisfaction 1 of 5 (0): satisfaction (0 + 100) / 2 = 50, compound 550 / 6 = 91.67 (A).
        await deployment.Respondent.Submit(tokens["Opto One"], ClusterMember(100));
        await deployment.Respondent.Submit(tokens["Opto Two"], ClusterMember(50));
        await deployment.Respondent.Submit(tokens["Micro One"], ClusterMember(50, Options("rd-joint", "none"), Options("rd-patents", "none")));
        await deployment.Respondent.Submit(tokens["Micro Two"], ClusterMember(50));
        await deployment.Respondent.Submit(tokens["Bio One"], ClusterMember(100, Scale("sat-overall", 1)));

        var result = await deployment.Client.EvaluateClusters(new EvaluateClustersRequest { Selection = SurveysClient.Rounds(created.Round.Id), TopContributions = 3 });
        Assert.Equal("cluster-grade/1", result.Method);
        Assert.Contains(result.MethodDescription, line => line.Contains("A from 75, B from 60, C from 45", StringComparison.Ordinal));
        var clusters = result.Clusters.ToDictionary(c => c.ClusterId);
        double[] compounds = [75, 250.0 / 6, 50, 550.0 / 6];
        var all = compounds.Average();
        var manufacturing = compounds.Take(3).Average();

        var hamamatsu = clusters["hamamatsu-optics"];
        Assert.Equal((2, 75.0, "A"), (hamamatsu.Respondents, hamamatsu.CompoundIndex, hamamatsu.Grade));
        Assert.All(hamamatsu.Areas, a => Assert.Equal(75.0, a.Index, 9));
        Assert.Equal(manufacturing, hamamatsu.ComparableCompoundAverage, 9);
        Assert.Equal(all, hamamatsu.AllCompoundAverage, 9);
        Assert.Equal("Hamamatsu optics", hamamatsu.ClusterName);

        var suwa = clusters["suwa-precision"];
        Assert.Equal(250.0 / 6, suwa.CompoundIndex, 9);
        Assert.Equal("D", suwa.Grade);
        var research = suwa.Areas.Single(a => a.Area == EvaluationArea.ResearchAndDevelopment);
        Assert.Equal(0.0, research.Index, 9);
        Assert.Equal((75 + 0 + 50) / 3.0, research.ComparableAverage, 9);
        Assert.Equal((75 + 0 + 50 + 100) / 4.0, research.AllAverage, 9);
        // What lowered Suwa most: the two R&D questions, each (1/6) / 2 x (0 - 56.25) = -4.6875 points of the compound index.
        Assert.Equal(["rd-joint", "rd-patents"], suwa.Contributions.Take(2).Select(c => c.QuestionId).Order());
        Assert.All(suwa.Contributions.Take(2), c => Assert.Equal(-56.25 / 12, c.Effect, 9));
        Assert.Equal((0.0, 56.25), (suwa.Contributions[0].ClusterMean, suwa.Contributions[0].AllClustersMean));
        Assert.Contains(suwa.Explanation, line => line.StartsWith("Lowered: rd-", StringComparison.Ordinal));
        Assert.Contains(suwa.Explanation, line => line == "3.3 points below grade C.");

        Assert.Equal("C", clusters["suwa-precision-2"].Grade);
        var kansai = clusters["kansai-bio"];
        Assert.Equal((550.0 / 6, "A", "bio"), (kansai.CompoundIndex, kansai.Grade, kansai.ComparableGroup));
        Assert.Equal(550.0 / 6, kansai.ComparableCompoundAverage, 9);
        Assert.Equal(50.0, kansai.Areas.Single(a => a.Area == EvaluationArea.ParticipantSatisfaction).Index, 9);
        var satisfaction = kansai.Contributions.First(c => c.QuestionId == "sat-overall");
        Assert.Equal((1.0 / 6) / 2 * (0 - (75 + 50 + 50 + 0) / 4.0), satisfaction.Effect, 9);

        // The CSV has a line per cluster with the grade and the method.
        Assert.Contains("kansai-bio,Kansai bio,bio,1,100.0,100.0,", result.Csv, StringComparison.Ordinal);
        Assert.Contains(",A,cluster-grade/1", result.Csv, StringComparison.Ordinal);

        // A cross-tab of sales change by cluster; one cluster alone keeps the averages of all.
        var sales = await deployment.Client.CrossTab(new CrossTabulateRequest { Selection = SurveysClient.Rounds(created.Round.Id), QuestionId = "econ-sales", ByAttribute = "cluster" });
        Assert.Equal([2, 1, 1, 1], sales.Columns.OrderBy(c => c.Value).Select(c => c.Respondents));
        var one = await deployment.Client.EvaluateClusters(new EvaluateClustersRequest { Selection = SurveysClient.Rounds(created.Round.Id), ClusterId = "suwa-precision" });
        Assert.Equal(all, one.Clusters.Single().AllCompoundAverage, 9);
    }

    private static ClusterTarget Cluster(string id, string name, string group, params string[] members)
    {
        var cluster = new ClusterTarget { ClusterId = id, ClusterName = name, ComparableGroup = group };
        cluster.Members.Add(members.Select(m => new Respondent { Name = m, OrganisationName = m, Contact = "survey@example.org", Attributes = { new RespondentAttribute { Key = "company_size", Values = { "small" } } } }));
        return cluster;
    }
}
