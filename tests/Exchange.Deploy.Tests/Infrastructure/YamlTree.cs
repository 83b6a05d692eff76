using YamlDotNet.RepresentationModel;

namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>
/// YAML read with YamlDotNet into plain trees: mappings become <see cref="Dictionary{TKey,TValue}"/>
/// (string keys, duplicates refused), sequences <see cref="List{T}"/>, scalars strings.
/// </summary>
public static class YamlTree
{
    public static IReadOnlyList<Dictionary<string, object?>> LoadDocuments(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            try
            {
                stream.Load(reader);
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                throw new FormatException($"{Repository.Relative(file)} is not valid YAML: {ex.Message}", ex);
            }
        }
        var documents = new List<Dictionary<string, object?>>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" }) continue;
            documents.Add(Convert(document.RootNode, file) as Dictionary<string, object?>
                ?? throw new FormatException($"{Repository.Relative(file)}: a document is not a mapping"));
        }
        return documents;
    }

    private static object? Convert(YamlNode node, string file) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping, file),
        YamlSequenceNode sequence => sequence.Children.Select(child => Convert(child, file)).ToList(),
        YamlScalarNode scalar => scalar.Value,
        _ => throw new FormatException($"{Repository.Relative(file)}: unsupported YAML node at {node.Start}"),
    };

    private static Dictionary<string, object?> ConvertMapping(YamlMappingNode mapping, string file)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw new FormatException($"{Repository.Relative(file)}: a key at {key.Start} is not a scalar");
            if (!result.TryAdd(name, Convert(value, file)))
                throw new FormatException($"{Repository.Relative(file)}: the key '{name}' appears twice at {key.Start}");
        }
        return result;
    }
}
