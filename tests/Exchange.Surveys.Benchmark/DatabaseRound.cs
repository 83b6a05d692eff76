using System.Diagnostics;
using Exchange.Surveys.Analytics;
using Exchange.Surveys.Data;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.Responses;
using Exchange.Surveys.V1;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Invitation = Exchange.Surveys.Model.Invitation;
using SurveyRound = Exchange.Surveys.Model.SurveyRound;

namespace Exchange.Surveys.Benchmark;

/// <summary>
/// The round stored as the service stores it (a SQLite file), and the service's own loader timed
/// reading it back into a matrix page by page: the cold path of the first analysis after a submission.
/// </summary>
internal readonly record struct Timed(TimeSpan Wall, TimeSpan Cpu, long WallStart, TimeSpan CpuStart)
{
    public static Timed Start() => new(TimeSpan.Zero, TimeSpan.Zero, Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);

    public Timed Stop() => this with { Wall = Stopwatch.GetElapsedTime(WallStart), Cpu = Process.GetCurrentProcess().TotalProcessorTime - CpuStart };
}

internal static class DatabaseRound
{
    /// <summary>Wall and process CPU time (all threads: the database driver, the loader, the GC) of each step.</summary>
    public static async Task<(Timed ReadOnly, Timed Cold, Timed Warm, long FileBytes)> MeasureAsync(SyntheticRound round)
    {
        var file = Path.Combine(Path.GetTempPath(), $"exchange-surveys-benchmark-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SurveysDb>().UseSqlite($"Data Source={file}").Options;
        try
        {
            Guid roundId;
            await using (var db = new SurveysDb(options))
            {
                await db.Database.EnsureCreatedAsync();
                var now = DateTimeOffset.UtcNow;
                db.Questionnaires.Add(QuestionnaireRecord.From(round.Questionnaire, now));
                var surveyRound = SurveyRound.Open("benchmark", "programme-office", new LocalizedText { En = "Benchmark" }, round.Questionnaire, 2008, null, now);
                roundId = surveyRound.Id;
                db.Rounds.Add(surveyRound);
                var sequence = surveyRound.AddTargets([], ["benchmark"], round.Answers.Count);
                await db.SaveChangesAsync();
                for (var r = 0; r < round.Answers.Count; r++)
                {
                    var invitation = Invitation.Issue(surveyRound, sequence++, new RespondentRecord(null, "benchmark", $"Company {r}", "", "", "member company", "", round.Attributes[r]),
                        InvitationTokens.Hash(InvitationTokens.New()), now);
                    invitation.Submit(surveyRound, round.Answers[r], AnswerDigest.Of(round.Answers[r]), now);
                    db.Invitations.Add(invitation);
                    if (r % 1000 != 999) continue;
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                    db.Rounds.Attach(surveyRound);
                }
                await db.SaveChangesAsync();
            }

            var cache = new ResponseMatrixCache();
            var forms = new QuestionnaireCatalog.FormCache();
            async Task<Timed> Load(bool emptyCache = false)
            {
                if (emptyCache) cache = new ResponseMatrixCache();
                await using var db = new SurveysDb(options);
                var loader = new ResponseMatrixLoader(db, new QuestionnaireCatalog(db, forms), cache, NullLogger<ResponseMatrixLoader>.Instance);
                var timer = Timed.Start();
                var loaded = await loader.LoadAsync([roundId], CancellationToken.None);
                CrossTabulation.Tabulate(loaded.Matrix, loaded.Matrix.Question("q050")!, loaded.Matrix.Attribute(RespondentAttributes.Sector), null);
                return timer.Stop();
            }
            // Once to compile the queries and the code (a running service has done so long before), then measured.
            await Load();
            // The pages alone, as the loader reads them, without laying anything out.
            Timed readOnly;
            await using (var db = new SurveysDb(options))
            {
                var timer = Timed.Start();
                var after = 0;
                while (true)
                {
                    var page = await db.Database.SqlQuery<StoredResponse>(
                            $"""SELECT "Sequence", "Attributes", "Answers" FROM invitations WHERE "RoundId" = {roundId} AND "Status" = {(int)InvitationStatus.Submitted} AND "Sequence" > {after} ORDER BY "Sequence" LIMIT {ResponseMatrixLoader.PageSize}""")
                        .ToListAsync();
                    if (page.Count < ResponseMatrixLoader.PageSize) break;
                    after = page[^1].Sequence;
                }
                readOnly = timer.Stop();
            }
            var cold = await Load(emptyCache: true);
            var warm = await Load();
            return (readOnly, cold, warm, new FileInfo(file).Length);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
