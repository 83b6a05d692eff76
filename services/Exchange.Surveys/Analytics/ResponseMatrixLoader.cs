using Exchange.Rpc;
using Exchange.Surveys.Data;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.Rules;
using Exchange.Surveys.V1;
using SurveyRound = Exchange.Surveys.Model.SurveyRound;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Surveys.Analytics;

/// <summary>
/// Builds the matrix of a selection's submitted responses from the database, a page of
/// <see cref="PageSize"/> responses at a time (memory stays at the matrix plus one page), or takes
/// it from the cache when nothing was submitted since.
/// </summary>
public sealed class ResponseMatrixLoader(SurveysDb db, QuestionnaireCatalog catalog, ResponseMatrixCache cache, ILogger<ResponseMatrixLoader> logger)
{
    public const int PageSize = 1000;

    public async Task<LoadedSelection> LoadAsync(IReadOnlyList<Guid> roundIds, CancellationToken cancellationToken)
    {
        var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.ToArray().Contains(r.Id)).ToListAsync(cancellationToken);
        var missing = roundIds.Where(id => rounds.All(r => r.Id != id)).ToList();
        if (missing.Count > 0) throw new RpcException(StatusCode.NotFound, $"survey round {string.Join(", ", missing)} not found");
        BusinessRule.Enforce(new OneQuestionnaireRule(rounds));
        var forms = new List<QuestionnaireForm>();
        foreach (var version in rounds.Select(r => r.QuestionnaireVersion).Distinct().OrderDescending())
            forms.Add(await catalog.GetAsync(rounds[0].QuestionnaireId, version, cancellationToken));

        var ids = roundIds.ToArray();
        var submitted = db.Invitations.Where(i => ids.Contains(i.RoundId) && i.Status == InvitationStatus.Submitted);
        var stamp = new ResponseStamp(await submitted.CountAsync(cancellationToken));
        var key = string.Join(",", roundIds.Order());
        if (cache.Find(key, stamp) is { } cached) return new LoadedSelection(rounds, forms, cached);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var builder = new ResponseMatrixBuilder(forms, stamp.Submitted);
        foreach (var round in rounds.OrderBy(r => r.CreatedAt))
        {
            var after = 0;
            while (true)
            {
                // The stored JSON as text, read straight into the columns (see ResponseMatrixBuilder.AddStored).
                var page = await db.Database.SqlQuery<StoredResponse>(
                        $"""SELECT "Sequence", "Attributes", "Answers" FROM invitations WHERE "RoundId" = {round.Id} AND "Status" = {(int)InvitationStatus.Submitted} AND "Sequence" > {after} ORDER BY "Sequence" LIMIT {PageSize}""")
                    .ToListAsync(cancellationToken);
                foreach (var response in page) builder.AddStored(response.Answers, response.Attributes);
                if (page.Count < PageSize) break;
                after = page[^1].Sequence;
            }
        }
        var matrix = builder.Build();
        cache.Keep(key, stamp, matrix);
        logger.LogInformation("Responses of {Rounds} laid out: {Respondents} respondents, {Questions} questions, {Bytes} bytes in {Milliseconds} ms",
            key, matrix.Count, matrix.Questions.Count, matrix.Bytes, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new LoadedSelection(rounds, forms, matrix);
    }
}

/// <summary>A page row of submitted responses as stored.</summary>
public sealed class StoredResponse
{
    public int Sequence { get; set; }

    public string Attributes { get; set; } = "";

    public string Answers { get; set; } = "";
}

/// <summary>The rounds of a selection, their questionnaire versions (newest first) and their responses.</summary>
public sealed record LoadedSelection(IReadOnlyList<SurveyRound> Rounds, IReadOnlyList<QuestionnaireForm> Forms, ResponseMatrix Matrix)
{
    /// <summary>The newest version's text of a question, for labels.</summary>
    public Question? Question(string id) => Forms.Select(f => f.Find(id)?.Question).FirstOrDefault(q => q is not null);
}
