using System.Text.Json;
using System.Text.RegularExpressions;

namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>
/// A Dockerfile read instruction by instruction (continuation lines joined, comments dropped):
/// the images it builds from, what it copies, the project it publishes, and the final stage's
/// environment, ports, user and entry point.
/// </summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string file, IReadOnlyList<(string Instruction, string Arguments)> instructions)
    {
        File = file;
        Instructions = instructions;
    }

    public string File { get; }

    public IReadOnlyList<(string Instruction, string Arguments)> Instructions { get; }

    public IEnumerable<string> BaseImages => Of("FROM").Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);

    /// <summary>The instructions of the last stage, the image that runs.</summary>
    public IReadOnlyList<(string Instruction, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.Select((x, i) => (x, i)).Last(p => p.x.Instruction == "FROM").i).ToList();

    /// <summary>Sources of COPY instructions that copy from the build context (not from another stage).</summary>
    public IEnumerable<string> CopiedPaths => Of("COPY")
        .Where(a => !a.StartsWith("--from", StringComparison.Ordinal))
        .SelectMany(a =>
        {
            var parts = a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToArray();
            return parts[..^1];
        });

    /// <summary>The project file of <c>dotnet publish</c>, relative to the repository root.</summary>
    public string? PublishedProject => Of("RUN").Select(a => PublishCommand().Match(a)).FirstOrDefault(m => m.Success)?.Groups["project"].Value;

    public IReadOnlyDictionary<string, string> Environment => FinalStage.Where(i => i.Instruction == "ENV")
        .SelectMany(i => EnvPair().Matches(i.Arguments))
        .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value.Trim('"'), StringComparer.Ordinal);

    public IEnumerable<int> ExposedPorts => FinalStage.Where(i => i.Instruction == "EXPOSE")
        .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture));

    public string? User => FinalStage.LastOrDefault(i => i.Instruction == "USER").Arguments;

    public IReadOnlyList<string> EntryPoint => FinalStage.LastOrDefault(i => i.Instruction == "ENTRYPOINT").Arguments is { } json
        ? JsonSerializer.Deserialize<string[]>(json) ?? []
        : [];

    public static Dockerfile Load(string file)
    {
        var instructions = new List<(string, string)>();
        var pending = "";
        foreach (var raw in System.IO.File.ReadAllLines(file))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = (pending + line).Trim();
            pending = "";
            var space = whole.IndexOf(' ');
            instructions.Add(space < 0 ? (whole.ToUpperInvariant(), "") : (whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
        }
        return new Dockerfile(Repository.Relative(file), instructions);
    }

    private IEnumerable<string> Of(string instruction) => Instructions.Where(i => i.Instruction == instruction).Select(i => i.Arguments);

    [GeneratedRegex(@"dotnet publish (?<project>\S+\.csproj)")]
    private static partial Regex PublishCommand();

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""]*""|\S*)")]
    private static partial Regex EnvPair();
}
