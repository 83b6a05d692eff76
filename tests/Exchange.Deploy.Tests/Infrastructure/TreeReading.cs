namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>Reading the plain trees of <see cref="YamlTree"/>.</summary>
public static class TreeReading
{
    public static Dictionary<string, object?>? Map(this Dictionary<string, object?>? node, string key) =>
        node is not null && node.TryGetValue(key, out var value) ? value as Dictionary<string, object?> : null;

    public static List<object?> List(this Dictionary<string, object?>? node, string key) =>
        node is not null && node.TryGetValue(key, out var value) && value is List<object?> list ? list : [];

    public static IEnumerable<Dictionary<string, object?>> Maps(this Dictionary<string, object?>? node, string key) =>
        node.List(key).OfType<Dictionary<string, object?>>();

    public static string? Text(this Dictionary<string, object?>? node, string key) =>
        node is not null && node.TryGetValue(key, out var value) ? value as string : null;

    /// <summary>Follows a dotted path of mapping keys (<c>spec.template.spec</c>).</summary>
    public static Dictionary<string, object?>? At(this Dictionary<string, object?>? node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => current.Map(key));
}
