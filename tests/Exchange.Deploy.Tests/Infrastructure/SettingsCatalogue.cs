using System.Text.Json;
using System.Text.RegularExpressions;

namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>
/// The configuration keys a deployable project reads, found in its own source and in the source of
/// every project it references (services read most settings through the shared libraries):
/// <list type="bullet">
/// <item>every key of its appsettings.json;</item>
/// <item>string literals that are keys: <c>configuration["Services:Projects"]</c>;</item>
/// <item>the settable properties of options classes that name their section:
/// <c>const string Section = "Messaging:Outbox"</c> and <c>PollInterval { get; set; }</c> give
/// <c>Messaging:Outbox:PollInterval</c>;</item>
/// <item>connection strings by name: <c>GetConnectionString("RabbitMq")</c>,
/// <c>AddServiceDatabase&lt;T&gt;(configuration, "projects")</c>;</item>
/// <item>keys read by index from a section (<c>GetSection("RabbitMq")</c> then <c>section["Host"]</c>),
/// and from every child of a section the code enumerates (<c>GetSection(Section).GetChildren()</c>
/// then <c>entry["Address"]</c> gives <c>Gateway:Services:*:Address</c>).</item>
/// </list>
/// Reading source cannot follow every way code may reach configuration; it follows the ways this
/// code base uses. A key it does not find fails the test, so a gap shows as a failure to look
/// into, never as a setting that silently does nothing.
/// </summary>
public sealed partial class SettingsCatalogue
{
    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _patterns = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Keys => _keys;

    public IReadOnlyCollection<string> Patterns => _patterns;

    /// <summary>Whether the project reads <paramref name="key"/> (case-insensitive, as configuration is).</summary>
    public bool Knows(string key) => _keys.Contains(key) || _patterns.Any(p => Matches(p, key));

    /// <summary>Known keys that share the first segment of <paramref name="key"/>, to say what was meant.</summary>
    public IEnumerable<string> Near(string key)
    {
        var first = key.Split(':')[0];
        return _keys.Concat(_patterns).Where(k => k.Split(':')[0].Equals(first, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase);
    }

    public static SettingsCatalogue For(string projectFile)
    {
        var catalogue = new SettingsCatalogue();
        var projects = ProjectReferences.Closure(projectFile);
        var sources = projects
            .SelectMany(p => Directory.EnumerateFiles(Path.GetDirectoryName(p)!, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(f => File.ReadAllText(f))
            .ToList();
        var sectionsByType = sources
            .Select(s => (Type: TypeDeclaration().Match(s), Section: SectionConstant().Match(s)))
            .Where(p => p.Type.Success && p.Section.Success)
            .GroupBy(p => p.Type.Groups["type"].Value)
            .ToDictionary(g => g.Key, g => g.First().Section.Groups["section"].Value);

        var appSettings = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(projectFile))!, "appsettings.json");
        if (File.Exists(appSettings))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(appSettings));
            catalogue.AddJson(json.RootElement, "");
        }
        foreach (var source in sources) catalogue.AddSource(source, sectionsByType);
        return catalogue;
    }

    private void AddJson(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _keys.Add(prefix);
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
            _keys.Add(key);
            AddJson(property.Value, key);
        }
    }

    private void AddSource(string source, IReadOnlyDictionary<string, string> sectionsByType)
    {
        foreach (Match literal in KeyLiteral().Matches(source)) _keys.Add(literal.Groups["key"].Value);

        var ownSection = SectionConstant().Match(source) is { Success: true } constant ? constant.Groups["section"].Value : null;
        if (ownSection is not null)
        {
            foreach (Match property in SettableProperty().Matches(source)) _keys.Add($"{ownSection}:{property.Groups["name"].Value}");
        }

        foreach (Match connection in ConnectionStringName().Matches(source)) _keys.Add($"ConnectionStrings:{connection.Groups["name"].Value}");

        var sections = SectionRead().Matches(source)
            .Select(m => m.Groups["literal"].Success ? m.Groups["literal"].Value
                : m.Groups["type"].Success ? sectionsByType.GetValueOrDefault(m.Groups["type"].Value)
                : ownSection)
            .OfType<string>()
            .Distinct()
            .ToList();
        var enumerated = source.Contains(".GetChildren()", StringComparison.Ordinal);
        foreach (var section in sections)
        {
            _keys.Add(section);
            if (enumerated) _patterns.Add($"{section}:*");
            foreach (Match index in IndexRead().Matches(source))
            {
                var name = index.Groups["name"].Value;
                if (enumerated) _patterns.Add($"{section}:*:{name}");
                else _keys.Add($"{section}:{name}");
            }
        }
    }

    private static bool Matches(string pattern, string key)
    {
        var expected = pattern.Split(':');
        var actual = key.Split(':');
        return expected.Length == actual.Length
            && expected.Zip(actual).All(p => p.First == "*" || p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"""(?<key>[A-Z][A-Za-z0-9]*(?::[A-Za-z0-9]+)+)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"const\s+string\s+Section\s*=\s*""(?<section>[^""]+)""")]
    private static partial Regex SectionConstant();

    [GeneratedRegex(@"\b(?:class|record|struct)\s+(?<type>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"public\s+(?!static|const)[\w<>?,.\[\] ]+?\s+(?<name>[A-Z]\w*)\s*\{\s*get;\s*(?:set|init);")]
    private static partial Regex SettableProperty();

    [GeneratedRegex(@"(?:GetConnectionString\(""(?<name>\w+)""\)|AddServiceDatabase<[^>]+>\([^,()]+,\s*""(?<name>\w+)"")")]
    private static partial Regex ConnectionStringName();

    [GeneratedRegex(@"GetSection\((?:""(?<literal>[^""]+)""|(?<type>[A-Z]\w*)\.Section|Section)\)")]
    private static partial Regex SectionRead();

    [GeneratedRegex(@"\b[a-z]\w*\[""(?<name>[A-Za-z]\w*)""\]")]
    private static partial Regex IndexRead();
}
