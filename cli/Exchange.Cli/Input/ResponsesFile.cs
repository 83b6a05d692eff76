using System.Globalization;
using Exchange.Cli.Hosting;
using Exchange.Surveys.V1;

namespace Exchange.Cli.Input;

/// <summary>
/// Survey responses typed in from paper or collected elsewhere, one row per respondent: the
/// invitation <c>token</c> (as 'surveys open-round --tokens-out' writes it), then one column per
/// question id. Choices are option ids, several separated by '|' (as the responses export writes
/// them); scales are whole numbers, numbers decimals, free text as is; an empty cell is no answer.
/// Columns the tokens file carries besides the token are ignored.
/// </summary>
public sealed class ResponsesFile
{
    public static readonly string[] IgnoredColumns = ["invitation_id", "project_id", "respondent", "organisation_id", "organisation", "organisation_name", "role"];

    private ResponsesFile(string path, IReadOnlyList<ResponseRow> rows)
    {
        Path = path;
        Rows = rows;
    }

    public string Path { get; }

    public IReadOnlyList<ResponseRow> Rows { get; }

    public static ResponsesFile Read(string path, Questionnaire questionnaire)
    {
        var csv = CsvFile.Read(path);
        csv.Require("token");
        var questions = questionnaire.Questions.ToDictionary(q => q.Id, StringComparer.OrdinalIgnoreCase);
        var unknown = csv.Header.Select(h => h.Trim())
            .Where(h => !h.Equals("token", StringComparison.OrdinalIgnoreCase) && !IgnoredColumns.Contains(h, StringComparer.OrdinalIgnoreCase) && !questions.ContainsKey(h))
            .ToList();
        if (unknown.Count > 0)
            throw CliFailure.Usage($"{path}: the column{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)} name{(unknown.Count > 1 ? "" : "s")} no question of {questionnaire.Id} v{questionnaire.Version}",
                [$"its questions: {string.Join(", ", questionnaire.Questions.Select(q => q.Id))}"]);

        var problems = new List<string>();
        var rows = new List<ResponseRow>();
        foreach (var row in csv.Rows)
        {
            var answers = new List<Answer>();
            foreach (var header in csv.Header)
            {
                if (!questions.TryGetValue(header.Trim(), out var question)) continue;
                var value = row[header];
                if (value.Length == 0) continue;
                var answer = new Answer { QuestionId = question.Id };
                switch (question.Kind)
                {
                    case QuestionKind.SingleChoice:
                    case QuestionKind.MultipleChoice:
                        answer.OptionIds.Add(value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                        break;
                    case QuestionKind.Scale when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale):
                        answer.ScaleValue = scale;
                        break;
                    case QuestionKind.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                        answer.NumberValue = number;
                        break;
                    case QuestionKind.FreeText:
                        answer.Text = value;
                        break;
                    default:
                        problems.Add($"{row.Where}: {question.Id} is a {question.Kind} question; '{value}' is not {(question.Kind == QuestionKind.Scale ? "a whole number" : "a number")}");
                        continue;
                }
                answers.Add(answer);
            }
            if (row["token"].Length == 0) problems.Add($"{row.Where}: the token is empty");
            rows.Add(new ResponseRow(row.Line, row["token"], answers));
        }
        if (problems.Count > 0) throw CliFailure.Usage($"{path} has {problems.Count} bad value{(problems.Count > 1 ? "s" : "")}; nothing was sent", problems);
        return new ResponsesFile(path, rows);
    }
}

/// <summary>One respondent's answers and the line they came from.</summary>
public sealed record ResponseRow(int Line, string Token, IReadOnlyList<Answer> Answers);
