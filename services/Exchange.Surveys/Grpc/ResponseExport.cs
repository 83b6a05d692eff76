using System.Globalization;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Exchange.Surveys.Analytics;
using Exchange.Surveys.Data;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.Rules;
using Exchange.Surveys.V1;
using Invitation = Exchange.Surveys.Model.Invitation;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Surveys.Grpc;

/// <summary>
/// The responses of a selection as CSV, one line per respondent, streamed a page at a time so
/// that neither side holds the whole file: the invitation, the respondent (never the contact),
/// every attribute, then one column per question (options by id separated by '|').
/// </summary>
internal sealed class ResponseExport(SurveysDb db, QuestionnaireCatalog catalog)
{
    public const int PageSize = 500;

    public async Task WriteAsync(Guid[] roundIds, IReadOnlyList<(string Key, IReadOnlyCollection<string> Values)> filters, bool includeUnsubmitted,
        IServerStreamWriter<CsvChunk> stream, CancellationToken cancellationToken)
    {
        var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var missing = roundIds.Where(id => rounds.All(r => r.Id != id)).ToList();
        if (missing.Count > 0) throw new RpcException(StatusCode.NotFound, $"survey round {string.Join(", ", missing)} not found");
        BusinessRule.Enforce(new OneQuestionnaireRule(rounds));
        var forms = new List<QuestionnaireForm>();
        foreach (var version in rounds.Select(r => r.QuestionnaireVersion).Distinct().OrderDescending())
            forms.Add(await catalog.GetAsync(rounds[0].QuestionnaireId, version, cancellationToken));
        var questions = forms.SelectMany(f => f.Questions.Select(q => q.Id)).Distinct(StringComparer.Ordinal).ToList();

        IQueryable<Invitation> Of(Guid roundId) => db.Invitations.AsNoTracking()
            .Where(i => i.RoundId == roundId && (includeUnsubmitted || i.Status == InvitationStatus.Submitted));

        // First pass, attributes only: the header needs every key before the first line.
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var round in rounds)
            await foreach (var attributes in Of(round.Id).Select(i => i.Attributes).AsAsyncEnumerable().WithCancellation(cancellationToken))
                foreach (var attribute in attributes) keys.Add(attribute.Key);

        var fileName = $"responses-{rounds[0].QuestionnaireId}-{DateTime.UtcNow:yyyyMMdd}.csv";
        var csv = new CsvWriter();
        csv.Fields(["invitation_id", "round_id", "sequence", "status", "submitted_at", "respondent", "organisation_id", "organisation_name", "role"])
            .Fields(keys).Fields(questions).EndLine();
        foreach (var round in rounds)
        {
            var after = 0;
            while (true)
            {
                var page = await Of(round.Id).Where(i => i.Sequence > after).OrderBy(i => i.Sequence).Take(PageSize).ToListAsync(cancellationToken);
                foreach (var invitation in page)
                {
                    if (!Matches(invitation, filters)) continue;
                    Line(csv, invitation, keys, questions);
                }
                await stream.WriteAsync(new CsvChunk { FileName = fileName, Text = csv.Take() }, cancellationToken);
                if (page.Count < PageSize) break;
                after = page[^1].Sequence;
            }
        }
    }

    private static bool Matches(Invitation invitation, IReadOnlyList<(string Key, IReadOnlyCollection<string> Values)> filters) =>
        filters.All(f => invitation.Attributes.FirstOrDefault(a => a.Key == f.Key) is { } attribute && attribute.Values.Any(f.Values.Contains));

    private static void Line(CsvWriter csv, Invitation invitation, IEnumerable<string> keys, IEnumerable<string> questions)
    {
        csv.Field(invitation.Id.ToString()).Field(invitation.RoundId.ToString()).Field(invitation.Sequence).Field(invitation.Status.ToString())
            .Field(invitation.SubmittedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "")
            .Field(invitation.RespondentName).Field(invitation.OrganisationId).Field(invitation.OrganisationName).Field(invitation.Role);
        foreach (var key in keys) csv.Field(string.Join("|", invitation.Attributes.FirstOrDefault(a => a.Key == key)?.Values ?? []));
        var answers = invitation.Answers.ToDictionary(a => a.QuestionId, StringComparer.Ordinal);
        foreach (var question in questions)
            csv.Field(answers.TryGetValue(question, out var answer) ? Value(answer) : "");
        csv.EndLine();
    }

    private static string Value(StoredAnswer answer) =>
        answer.OptionIds is { } options ? string.Join("|", options)
        : answer.Scale is { } scale ? scale.ToString(CultureInfo.InvariantCulture)
        : answer.Number is { } number ? number.ToString("R", CultureInfo.InvariantCulture)
        : answer.Text ?? "";
}
