using System.Collections.Concurrent;
using Exchange.Rpc;
using Exchange.Surveys.Data;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Surveys.Questionnaires;

/// <summary>
/// Finds questionnaire versions. Versions never change once stored, so their parsed forms are kept
/// in memory (<see cref="FormCache"/>) for the respondent calls that check every answer against them.
/// </summary>
public sealed class QuestionnaireCatalog(SurveysDb db, QuestionnaireCatalog.FormCache cache)
{
    /// <summary>The version asked for (0: the latest), or NOT_FOUND.</summary>
    public async Task<QuestionnaireForm> GetAsync(string questionnaireId, int version, CancellationToken cancellationToken)
    {
        if (version == 0)
        {
            version = await db.Questionnaires.Where(q => q.QuestionnaireId == questionnaireId).Select(q => (int?)q.Version).MaxAsync(cancellationToken) ?? 0;
            if (version == 0) throw new RpcException(StatusCode.NotFound, $"questionnaire {questionnaireId} not found");
        }
        if (cache.TryGet(questionnaireId, version) is { } cached) return cached;
        var record = await db.Questionnaires.AsNoTracking().FirstOrDefaultAsync(q => q.QuestionnaireId == questionnaireId && q.Version == version, cancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, $"questionnaire {questionnaireId} has no version {version}");
        return cache.Add(questionnaireId, version, new QuestionnaireForm(record.ToMessage()));
    }

    /// <summary>Parsed questionnaire versions of this service instance's database.</summary>
    public sealed class FormCache
    {
        private readonly ConcurrentDictionary<(string, int), QuestionnaireForm> _forms = new();

        public QuestionnaireForm? TryGet(string id, int version) => _forms.GetValueOrDefault((id, version));

        public QuestionnaireForm Add(string id, int version, QuestionnaireForm form) => _forms.GetOrAdd((id, version), form);
    }
}
