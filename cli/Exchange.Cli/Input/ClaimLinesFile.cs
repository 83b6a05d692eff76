using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Exchange.Claims.V1;
using Exchange.Cli.Hosting;
using Exchange.Common.V1;
using Google.Protobuf;

namespace Exchange.Cli.Input;

/// <summary>
/// The lines of a claim, from CSV (columns <c>id, category, description, amount, currency,
/// value_date, person, attachment_id, sha256, receipt_file</c>) or a JSON array of <c>ClaimLine</c>s.
/// A <c>receipt_file</c> (relative to the CSV) fills the attachment id with its name and the
/// SHA-256 with its content's hash. Values are sent as typed: the service checks them.
/// </summary>
public static class ClaimLinesFile
{
    public static IReadOnlyList<ClaimLine> Read(string path)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(path)) throw CliFailure.Usage($"no such file: {path}");
            try
            {
                return JsonNode.Parse(File.ReadAllText(path)) is JsonArray array
                    ? array.Select(n => JsonParser.Default.Parse<ClaimLine>(n?.ToJsonString() ?? "{}")).ToList()
                    : throw CliFailure.Usage($"{path} must hold a JSON array of claim lines");
            }
            catch (Exception ex) when (ex is JsonException or InvalidJsonException or InvalidProtocolBufferException)
            {
                throw CliFailure.Usage($"{path} is not a JSON array of ClaimLine: {ex.Message}");
            }
        }
        return FromCsv(CsvFile.Read(path));
    }

    public static IReadOnlyList<ClaimLine> FromCsv(CsvFile csv)
    {
        csv.Require("category", "amount", "currency", "value_date");
        var folder = Path.GetDirectoryName(Path.GetFullPath(csv.Path))!;
        var problems = new List<string>();
        var lines = new List<ClaimLine>();
        foreach (var row in csv.Rows)
        {
            var line = new ClaimLine
            {
                Id = row["id"],
                Category = row["category"],
                Description = row["description"],
                Amount = new Money { Amount = row["amount"], Currency = row["currency"].ToUpperInvariant() },
                PersonKey = row["person"].Length > 0 ? row["person"] : row["person_key"],
            };
            try
            {
                line.ValueDate = DateText.Parse(row["value_date"], "value_date");
            }
            catch (CliFailure failure)
            {
                problems.Add($"{row.Where}: {failure.Message}");
            }
            var attachment = row["attachment_id"];
            var sha = row["sha256"];
            if (row["receipt_file"] is { Length: > 0 } receipt)
            {
                var receiptPath = Path.Combine(folder, receipt);
                if (!File.Exists(receiptPath)) problems.Add($"{row.Where}: the receipt file {receipt} does not exist");
                else
                {
                    if (attachment.Length == 0) attachment = Path.GetFileName(receiptPath);
                    sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(receiptPath)));
                }
            }
            if (attachment.Length > 0 || sha.Length > 0) line.Receipt = new Receipt { AttachmentId = attachment, Sha256 = sha };
            lines.Add(line);
        }
        if (problems.Count > 0) throw CliFailure.Usage($"{csv.Path} has {problems.Count} bad row{(problems.Count > 1 ? "s" : "")}", problems);
        return lines;
    }
}
