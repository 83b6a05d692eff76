using Exchange.Deploy.Tests.Infrastructure;

namespace Exchange.Deploy.Tests;

/// <summary>
/// The manifests as Kubernetes would read them: every file parses, every object is named, and
/// every reference between objects (selectors, named ports, ConfigMaps, Secrets and their keys,
/// image rewrites) finds what it names.
/// </summary>
public sealed class ManifestTests
{
    public static TheoryData<string> Variants => new(Workload.Variants);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_manifest_parses_and_every_object_has_an_api_version_a_kind_and_a_name(string variant)
    {
        var manifests = Kustomization.Load(Path.Combine(Repository.Kubernetes, variant));

        Assert.NotEmpty(manifests.Objects);
        Assert.All(manifests.Objects, o =>
        {
            Assert.False(string.IsNullOrEmpty(o.Root.Text("apiVersion")), $"{o} has no apiVersion");
            Assert.False(string.IsNullOrEmpty(o.Kind), $"an object in {o.File} has no kind");
            Assert.False(string.IsNullOrEmpty(o.Name), $"{o} has no metadata.name");
        });
        var duplicates = manifests.Objects.GroupBy(o => (o.Kind, o.Name)).Where(g => g.Count() > 1).Select(g => g.Key.ToString());
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_YAML_file_under_deploy_kubernetes_belongs_to_a_variant()
    {
        var read = Workload.Variants
            .SelectMany(v => Kustomization.Load(Path.Combine(Repository.Kubernetes, v)).Files)
            .Select(Path.GetFullPath)
            .ToHashSet(StringComparer.Ordinal);

        var unread = Directory.EnumerateFiles(Repository.Kubernetes, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !read.Contains(Path.GetFullPath(f)))
            .Select(Repository.Relative);

        Assert.Empty(unread);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Selectors_match_their_pod_templates_and_every_Service_reaches_named_container_ports(string variant)
    {
        var manifests = Kustomization.Load(Path.Combine(Repository.Kubernetes, variant));
        var workloads = manifests.Objects.Where(o => o.Kind is "Deployment" or "StatefulSet").ToList();

        foreach (var workload in workloads)
        {
            var selector = workload.Root.At("spec.selector.matchLabels") ?? [];
            Assert.True(selector.Count > 0, $"{workload} selects no pods");
            Assert.True(Selects(selector, Labels(workload)), $"{workload}: its selector does not match its own pod template's labels");
        }
        foreach (var service in manifests.OfKind("Service").Where(s => s.Root.At("spec")?.Text("type") != "ExternalName"))
        {
            var selector = service.Root.At("spec")?.Map("selector") ?? [];
            var targets = workloads.Where(w => selector.Count > 0 && Selects(selector, Labels(w))).ToList();
            Assert.True(targets.Count == 1, $"{service} selects {targets.Count} workloads; expected exactly one");
            var ports = targets[0].Root.At("spec.template.spec").Maps("containers").SelectMany(c => c.Maps("ports")).ToList();
            foreach (var port in service.Root.At("spec").Maps("ports"))
            {
                var target = port.Text("targetPort") ?? port.Text("port");
                Assert.True(ports.Any(p => p.Text("name") == target || p.Text("containerPort") == target),
                    $"{service} sends port {port.Text("name")} to '{target}', which no container of {targets[0]} declares");
            }
        }
        foreach (var budget in manifests.OfKind("PodDisruptionBudget"))
        {
            var selector = budget.Root.At("spec.selector.matchLabels") ?? [];
            Assert.True(workloads.Count(w => Selects(selector, Labels(w))) == 1, $"{budget} does not select exactly one workload");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_ConfigMap_Secret_and_key_a_pod_refers_to_is_declared(string variant)
    {
        var manifests = Kustomization.Load(Path.Combine(Repository.Kubernetes, variant));
        var missing = new List<string>();
        void Check(Manifest pod, string kind, string? name, string? key)
        {
            var declared = manifests.Find(kind, name ?? "");
            if (declared is null) missing.Add($"{pod} refers to {kind} {name}, which is not declared");
            else if (key is not null && (declared.Root.Map("data") ?? declared.Root.Map("stringData"))?.ContainsKey(key) != true)
                missing.Add($"{pod} refers to key '{key}' of {kind} {name}, which it does not have");
        }

        foreach (var pod in manifests.Objects.Where(o => o.Kind is "Deployment" or "StatefulSet"))
        {
            var spec = pod.Root.At("spec.template.spec");
            foreach (var container in spec.Maps("containers").Concat(spec.Maps("initContainers")))
            {
                foreach (var from in container.Maps("env").Select(e => e.Map("valueFrom")).OfType<Dictionary<string, object?>>())
                {
                    if (from.Map("secretKeyRef") is { } secret) Check(pod, "Secret", secret.Text("name"), secret.Text("key"));
                    if (from.Map("configMapKeyRef") is { } map) Check(pod, "ConfigMap", map.Text("name"), map.Text("key"));
                }
                foreach (var from in container.Maps("envFrom"))
                {
                    if (from.Map("configMapRef") is { } map) Check(pod, "ConfigMap", map.Text("name"), null);
                    if (from.Map("secretRef") is { } secret) Check(pod, "Secret", secret.Text("name"), null);
                }
            }
            foreach (var volume in spec.Maps("volumes"))
            {
                var (kind, source, name) = volume.Map("configMap") is { } map ? ("ConfigMap", map, map.Text("name"))
                    : volume.Map("secret") is { } secret ? ("Secret", secret, secret.Text("secretName")) : ("", null, null);
                if (source is null) continue;
                Check(pod, kind, name, null);
                foreach (var item in source.Maps("items")) Check(pod, kind, name, item.Text("key"));
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void The_images_kustomize_rewrites_are_exactly_the_images_the_workloads_run()
    {
        var manifests = Kustomization.Load(Path.Combine(Repository.Kubernetes, "base"));

        var rewritten = manifests.File.Maps("images").Select(i => i.Text("name") ?? "").Order().ToList();
        var used = Workload.All("base").Select(w => w.Image.Split(':')[0]).Order().ToList();

        Assert.Equal(used, rewritten);
    }

    private static Dictionary<string, object?> Labels(Manifest workload) => workload.Root.At("spec.template.metadata.labels") ?? [];

    private static bool Selects(Dictionary<string, object?> selector, Dictionary<string, object?> labels) =>
        selector.All(s => labels.TryGetValue(s.Key, out var value) && Equals(value, s.Value));
}
