using Exchange.Identity;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Exchange.Surveys.Analytics;
using Exchange.Surveys.Model;
using Exchange.Surveys.V1;
using Microsoft.EntityFrameworkCore;
using static Exchange.Surveys.Grpc.SurveyAuthorization;

namespace Exchange.Surveys.Grpc;

/// <summary>The analyses of exchange.surveys.v1.Surveys, over the submitted responses of a selection of rounds.</summary>
public sealed partial class SurveysRpc
{
    public const int MaxRoundsPerSelection = 50;

    public async Task<CrossTab> CrossTabulate(CrossTabulateRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "run analyses");
        var (selection, respondents) = await SelectAsync(request.Selection, context);
        var question = CountedQuestion(selection, "question_id", request.QuestionId);
        AttributeColumn? by = null;
        if (request.ByAttribute.Length > 0)
        {
            by = selection.Matrix.Attribute(request.ByAttribute)
                ?? throw RpcException.InvalidArgument("by_attribute",
                    $"no respondent of the selection has the attribute '{request.ByAttribute}'; known: {string.Join(", ", selection.Matrix.Attributes.Select(a => a.Key).Order())}");
        }
        var table = CrossTabulation.Tabulate(selection.Matrix, question, by, respondents);
        return AnalyticsMapper.ToMessage(table, selection.Question(question.Id)!);
    }

    public async Task<TwoWayTable> GetTwoWayTable(GetTwoWayTableRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "run analyses");
        var (selection, respondents) = await SelectAsync(request.Selection, context);
        var rows = CountedQuestion(selection, "row_question_id", request.RowQuestionId);
        var columns = CountedQuestion(selection, "column_question_id", request.ColumnQuestionId);
        if (rows == columns) throw RpcException.InvalidArgument("column_question_id", "must differ from row_question_id");
        var table = TwoWayTabulation.Tabulate(rows, columns, selection.Matrix.Count, respondents);
        return AnalyticsMapper.ToMessage(table, selection.Question(rows.Id)!, selection.Question(columns.Id)!);
    }

    public async Task<GetSuccessPointScoresResponse> GetSuccessPointScores(GetSuccessPointScoresRequest request, CallContext context)
    {
        var caller = context.Caller();
        Guid? projectId = request.ProjectId.Length > 0 ? Requests.Id("project_id", request.ProjectId, "a project") : null;
        if (!SeesAll(caller))
        {
            if (projectId is null) DemandCoordinator(caller, "see every project's scores; ask for one of your own projects with project_id");
            DemandProject(caller, await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId, context.CancellationToken), request.ProjectId);
        }
        var (selection, respondents) = await SelectAsync(request.Selection, context);
        var result = SuccessPointScoring.Score(selection.Matrix, respondents);
        var projects = result.Projects.Where(p => projectId is null || p.ProjectId == projectId.ToString()).ToList();
        var ids = projects.Select(p => Guid.Parse(p.ProjectId)).ToList();
        var titles = (await db.Projects.AsNoTracking().Where(p => ids.Contains(p.ProjectId)).Select(p => new { p.ProjectId, p.Title }).ToListAsync(context.CancellationToken))
            .ToDictionary(p => p.ProjectId.ToString(), p => p.Title);
        var response = new GetSuccessPointScoresResponse
        {
            ProjectCount = result.Projects.Count,
            Csv = TableCsv.SuccessPoints(result with { Projects = projects }, titles),
        };
        response.Programme.Add(result.Programme.Select(AnalyticsMapper.ToMessage));
        foreach (var project in projects)
        {
            var message = new ProjectSuccessPoints { ProjectId = project.ProjectId, ProjectTitle = titles.GetValueOrDefault(project.ProjectId, ""), Respondents = project.Respondents };
            message.Points.Add(project.Points.Select(AnalyticsMapper.ToMessage));
            response.Projects.Add(message);
        }
        return response;
    }

    public async Task<EvaluateClustersResponse> EvaluateClusters(EvaluateClustersRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "evaluate clusters");
        if (request.TopContributions is < 0 or > 50) throw RpcException.InvalidArgument("top_contributions", "must be 0 (the default of 5) to 50");
        var (selection, respondents) = await SelectAsync(request.Selection, context);
        if (selection.Matrix.Attribute(RespondentAttributes.Cluster) is null && selection.Matrix.Count > 0)
            throw RpcException.FailedPrecondition("cluster-evaluation", "the selected rounds have no cluster member companies; clusters are evaluated from rounds sent to clusters");
        var clusters = ClusterGrading.Evaluate(selection.Matrix, respondents);
        if (request.ClusterId.Length > 0)
        {
            clusters = [.. clusters.Where(c => c.ClusterId == request.ClusterId)];
            if (clusters.Count == 0) throw new RpcException(StatusCode.NotFound, $"cluster {request.ClusterId} has no responses in the selection");
        }
        var questions = selection.Forms.SelectMany(f => f.Questions).GroupBy(q => q.Id).ToDictionary(g => g.Key, g => g.First().Question, StringComparer.Ordinal);
        var top = request.TopContributions == 0 ? 5 : request.TopContributions;
        var response = new EvaluateClustersResponse { Method = ClusterGrading.Method, Csv = TableCsv.Clusters(clusters) };
        response.MethodDescription.Add(ClusterGrading.Description);
        response.Clusters.Add(clusters.Select(c => AnalyticsMapper.ToMessage(c, questions, top)));
        return response;
    }

    public Task ExportResponses(ExportResponsesRequest request, IServerStreamWriter<CsvChunk> stream, CallContext context)
    {
        DemandCoordinator(context.Caller(), "export responses");
        var roundIds = RoundIds(request.Selection);
        return new ResponseExport(db, catalog).WriteAsync(roundIds, Filters(request.Selection), request.IncludeUnsubmitted, stream, context.CancellationToken);
    }

    private async Task<(LoadedSelection Selection, int[]? Respondents)> SelectAsync(ResponseSelection? selection, CallContext context)
    {
        var loaded = await loader.LoadAsync(RoundIds(selection), context.CancellationToken);
        return (loaded, loaded.Matrix.Select(Filters(selection)));
    }

    private static Guid[] RoundIds(ResponseSelection? selection)
    {
        var errors = new FieldErrors();
        if (selection is null || selection.RoundIds.Count == 0) errors.Add("selection.round_ids", "at least one survey round is required");
        else if (selection.RoundIds.Count > MaxRoundsPerSelection) errors.Add("selection.round_ids", $"at most {MaxRoundsPerSelection} rounds");
        var ids = (selection?.RoundIds ?? []).Select((id, i) => Requests.Id(errors, $"selection.round_ids[{i}]", id, "a survey round")).OfType<Guid>().Distinct().ToArray();
        foreach (var (filter, i) in (selection?.Filters ?? []).Select((f, i) => (f, i)))
        {
            if (filter.Key.Length == 0) errors.Add($"selection.filters[{i}].key", "is required");
            if (filter.Values.Count == 0) errors.Add($"selection.filters[{i}].values", "at least one value is required");
        }
        errors.ThrowIfAny();
        return ids;
    }

    private static List<(string Key, IReadOnlyCollection<string> Values)> Filters(ResponseSelection? selection) =>
        [.. (selection?.Filters ?? []).Select(f => (f.Key, (IReadOnlyCollection<string>)[.. f.Values]))];

    private static QuestionColumn CountedQuestion(LoadedSelection selection, string field, string questionId)
    {
        if (questionId.Length == 0) throw RpcException.InvalidArgument(field, "is required");
        var question = selection.Matrix.Question(questionId);
        if (question is null)
        {
            var text = selection.Question(questionId);
            throw RpcException.InvalidArgument(field, text is null
                ? $"'{questionId}' is not a question of {selection.Rounds[0].QuestionnaireId}"
                : $"question {questionId} is a {text.Kind} question: tables count choice and scale answers");
        }
        if (question.Masks is null) throw RpcException.InvalidArgument(field, $"question {questionId} is a {question.Kind} question: tables count choice and scale answers");
        return question;
    }
}
