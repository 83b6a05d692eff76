using System.Text.Json;
using System.Text.Json.Nodes;
using Exchange.Cli.Hosting;
using Exchange.Missions.V1;
using Google.Protobuf;

namespace Exchange.Cli.Input;

/// <summary>
/// The people of an activity, from a CSV file (columns <c>name, organisation, organisation_id,
/// country, kind, role, funding</c>; only name and organisation or organisation_id are required)
/// or a JSON array of <c>PersonInput</c>s.
/// </summary>
public static class RosterFile
{
    public static IReadOnlyList<PersonInput> Read(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromJson(path, File.Exists(path) ? File.ReadAllText(path) : throw CliFailure.Usage($"no such file: {path}")) : FromCsv(CsvFile.Read(path));

    public static IReadOnlyList<PersonInput> FromCsv(CsvFile csv)
    {
        csv.Require("name");
        if (!csv.Has("organisation") && !csv.Has("organisation_id"))
            throw CliFailure.Usage($"{csv.Path} needs an organisation or organisation_id column");
        var problems = new List<string>();
        var people = new List<PersonInput>();
        foreach (var row in csv.Rows)
        {
            var person = new PersonInput
            {
                Name = row["name"],
                Role = row["role"],
                Country = row["country"],
                Organisation = new OrganisationRef { Id = row["organisation_id"], Name = row["organisation"], Country = row["country"] },
            };
            if (row["kind"] is { Length: > 0 } kind)
            {
                if (EnumText.TryParse<OrganisationKind>(kind, out var k)) person.Organisation.Kind = k;
                else problems.Add($"{row.Where}: kind '{kind}' is not one of {string.Join(", ", EnumText.Choices<OrganisationKind>())}");
            }
            var funding = row["funding"];
            if (funding.Length == 0) person.Funding = Funding.Programme;
            else if (EnumText.TryParse<Funding>(funding, out var f) || EnumText.TryParse(funding.Replace("private", "private-expense", StringComparison.OrdinalIgnoreCase), out f)) person.Funding = f;
            else problems.Add($"{row.Where}: funding '{funding}' is not programme or private-expense");
            people.Add(person);
        }
        if (problems.Count > 0) throw CliFailure.Usage($"{csv.Path} has {problems.Count} bad row{(problems.Count > 1 ? "s" : "")}", problems);
        return people;
    }

    public static IReadOnlyList<PersonInput> FromJson(string path, string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonArray array
                ? array.Select(node => JsonParser.Default.Parse<PersonInput>(node?.ToJsonString() ?? "{}")).ToList()
                : throw CliFailure.Usage($"{path} must hold a JSON array of people");
        }
        catch (Exception ex) when (ex is JsonException or InvalidJsonException or InvalidProtocolBufferException)
        {
            throw CliFailure.Usage($"{path} is not a JSON array of PersonInput: {ex.Message}");
        }
    }
}
