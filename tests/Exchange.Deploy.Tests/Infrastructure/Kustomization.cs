namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>
/// A kustomization folder read the way <c>kubectl apply -k</c> reads it, for the subset these
/// manifests use: <c>resources</c> (files, or folders with their own kustomization) and
/// <c>patches</c> given by path, applied as strategic merge patches (mappings merged key by key,
/// lists of named items such as containers and env merged by name, anything else replaced).
/// Namespace and image rewrites are not applied: the tests read the images as the files name them.
/// </summary>
public sealed class Kustomization
{
    private Kustomization(string folder, Dictionary<string, object?> file, IReadOnlyList<Manifest> objects, IReadOnlyList<string> files)
    {
        Folder = folder;
        File = file;
        Objects = objects;
        Files = files;
    }

    public string Folder { get; }

    /// <summary>The kustomization.yaml itself.</summary>
    public Dictionary<string, object?> File { get; }

    /// <summary>Every object after patches, in resource order.</summary>
    public IReadOnlyList<Manifest> Objects { get; }

    /// <summary>Every YAML file read, kustomization files included.</summary>
    public IReadOnlyList<string> Files { get; }

    public static Kustomization Load(string folder)
    {
        var path = Path.Combine(folder, "kustomization.yaml");
        var file = YamlTree.LoadDocuments(path).Single();
        var objects = new List<Manifest>();
        var files = new List<string> { path };
        foreach (var resource in file.List("resources").Cast<string>())
        {
            var full = Path.GetFullPath(Path.Combine(folder, resource));
            if (Directory.Exists(full))
            {
                var inner = Load(full);
                objects.AddRange(inner.Objects);
                files.AddRange(inner.Files);
            }
            else if (System.IO.File.Exists(full))
            {
                objects.AddRange(YamlTree.LoadDocuments(full).Select(root => new Manifest(Repository.Relative(full), root)));
                files.Add(full);
            }
            else
            {
                throw new FileNotFoundException($"{Repository.Relative(path)} lists the resource '{resource}', which does not exist", full);
            }
        }
        foreach (var patch in file.Maps("patches"))
        {
            var patchFile = Path.GetFullPath(Path.Combine(folder, patch.Text("path") ?? throw new FormatException($"{Repository.Relative(path)}: a patch without a path")));
            files.Add(patchFile);
            foreach (var change in YamlTree.LoadDocuments(patchFile))
            {
                var target = new Manifest(Repository.Relative(patchFile), change);
                var index = objects.FindIndex(o => o.Kind == target.Kind && o.Name == target.Name);
                if (index < 0) throw new InvalidOperationException($"{target} patches nothing: no {target.Kind} {target.Name} among the resources");
                objects[index] = objects[index] with { Root = (Dictionary<string, object?>)StrategicMerge(objects[index].Root, change)! };
            }
        }
        return new Kustomization(folder, file, objects, files);
    }

    public IEnumerable<Manifest> OfKind(string kind) => Objects.Where(o => o.Kind == kind);

    public Manifest? Find(string kind, string name) => Objects.FirstOrDefault(o => o.Kind == kind && o.Name == name);

    private static object? StrategicMerge(object? original, object? patch)
    {
        if (original is Dictionary<string, object?> map && patch is Dictionary<string, object?> patchMap)
        {
            var merged = new Dictionary<string, object?>(map, StringComparer.Ordinal);
            foreach (var (key, value) in patchMap)
                merged[key] = merged.TryGetValue(key, out var existing) ? StrategicMerge(existing, value) : value;
            return merged;
        }
        if (original is List<object?> list && patch is List<object?> patchList && IsNamedList(list) && IsNamedList(patchList))
        {
            var merged = new List<object?>(list);
            foreach (var item in patchList.Cast<Dictionary<string, object?>>())
            {
                var index = merged.FindIndex(m => ((Dictionary<string, object?>)m!).Text("name") == item.Text("name"));
                if (index < 0) merged.Add(item);
                else merged[index] = StrategicMerge(merged[index], item);
            }
            return merged;
        }
        return patch;
    }

    private static bool IsNamedList(List<object?> list) =>
        list.All(item => item is Dictionary<string, object?> map && map.Text("name") is not null);
}
