namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>
/// A Deployment that runs the platform's own code (a service or the gateway): its container as
/// the manifests of one variant describe it, and the container build of its image.
/// </summary>
public sealed class Workload
{
    public const string ImagePrefix = "exchange/";

    private Workload(string variant, Kustomization manifests, Manifest deployment)
    {
        Variant = variant;
        Manifests = manifests;
        Deployment = deployment;
    }

    public static IReadOnlyList<string> Variants { get; } = ["base", "dapr"];

    public string Variant { get; }

    public Kustomization Manifests { get; }

    public Manifest Deployment { get; }

    public string Name => Deployment.Name;

    public Dictionary<string, object?> PodTemplate => Deployment.Root.At("spec.template")!;

    public Dictionary<string, object?> Container =>
        PodTemplate.At("spec").Maps("containers").SingleOrDefault(c => c.Text("name") == Name)
        ?? throw new InvalidOperationException($"{Deployment} has no container named {Name}");

    public string Image => Container.Text("image") ?? "";

    public string DockerfilePath => Path.Combine(Repository.Containers, $"{Name}.Dockerfile");

    public Dockerfile Dockerfile => Dockerfile.Load(DockerfilePath);

    /// <summary>The project the image is built from, relative to the repository root.</summary>
    public string? ProjectFile => File.Exists(DockerfilePath) ? Dockerfile.PublishedProject : null;

    public bool HasProject => ProjectFile is { } project && File.Exists(Repository.Full(project));

    /// <summary>
    /// Every environment variable the container gets: its own <c>env</c> entries, and the keys of
    /// the ConfigMaps and Secrets it takes whole (<c>envFrom</c>), with where each comes from.
    /// </summary>
    public IReadOnlyList<Setting> Environment
    {
        get
        {
            var settings = new List<Setting>();
            foreach (var source in Container.Maps("envFrom"))
            {
                var (kind, reference) = source.Map("configMapRef") is { } map ? ("ConfigMap", map) : ("Secret", source.Map("secretRef"));
                var name = reference.Text("name") ?? "";
                var data = Manifests.Find(kind, name) ?? throw new InvalidOperationException($"{Deployment} takes its environment from {kind} {name}, which the manifests do not declare");
                foreach (var (key, value) in (data.Root.Map("data") ?? data.Root.Map("stringData") ?? []).Select(p => (p.Key, p.Value as string)))
                    settings.Add(new Setting(key, value, $"{kind} {name}"));
            }
            foreach (var entry in Container.Maps("env"))
            {
                var from = entry.Map("valueFrom");
                var source = from is null
                    ? "env"
                    : string.Join(", ", from.Select(p => p.Value is Dictionary<string, object?> reference ? $"{p.Key} {reference.Text("name")}/{reference.Text("key")}" : p.Key));
                settings.Add(new Setting(entry.Text("name") ?? "", entry.Text("value"), source));
            }
            return settings;
        }
    }

    /// <summary>The last value the container sees for <paramref name="name"/> (env wins over envFrom).</summary>
    public string? Value(string name) => Environment.LastOrDefault(s => s.Name == name)?.Value;

    /// <summary>A container port by its name or number.</summary>
    public int? ContainerPort(string nameOrNumber) =>
        int.TryParse(nameOrNumber, out var number)
            ? number
            : Container.Maps("ports").Where(p => p.Text("name") == nameOrNumber).Select(p => int.Parse(p.Text("containerPort")!)).Cast<int?>().FirstOrDefault();

    public static IReadOnlyList<Workload> All(string variant)
    {
        var manifests = Kustomization.Load(Path.Combine(Repository.Kubernetes, variant));
        return manifests.OfKind("Deployment")
            .Select(d => new Workload(variant, manifests, d))
            .Where(w => w.Container.Text("image")?.StartsWith(ImagePrefix, StringComparison.Ordinal) == true)
            .ToList();
    }

    public static Workload Named(string variant, string name) => All(variant).Single(w => w.Name == name);

    /// <summary>(variant, workload) for every workload whose project is in this repository.</summary>
    public static TheoryData<string, string> WithProjects()
    {
        var data = new TheoryData<string, string>();
        foreach (var variant in Variants)
            foreach (var workload in All(variant).Where(w => w.HasProject))
                data.Add(variant, workload.Name);
        return data;
    }

    public override string ToString() => $"{Name} ({Variant})";
}
