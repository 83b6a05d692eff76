using System.Text.Json;
using System.Xml.Linq;
using Exchange.Deploy.Tests.Infrastructure;

namespace Exchange.Deploy.Tests;

/// <summary>
/// Each service and the gateway, as the manifests run it and as its container build makes it:
/// built from a project that exists, on the official .NET images, as a non-root user, on the
/// ports the service itself is configured with.
/// </summary>
public sealed class WorkloadTests
{
    public static TheoryData<string, string> Workloads => Workload.WithProjects();

    [Fact]
    public void Every_workload_the_manifests_run_is_built_from_a_project_in_this_repository()
    {
        var problems = Workload.Variants.SelectMany(Workload.All)
            .Select(w => !File.Exists(w.DockerfilePath) ? $"{w}: no container build {Repository.Relative(w.DockerfilePath)}"
                : w.ProjectFile is null ? $"{w}: {Repository.Relative(w.DockerfilePath)} publishes no project (dotnet publish <project>.csproj)"
                : !w.HasProject ? $"{w}: {Repository.Relative(w.DockerfilePath)} publishes {w.ProjectFile}, which does not exist"
                : null)
            .OfType<string>()
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_container_build_is_run_by_a_workload_of_the_manifests()
    {
        var run = Workload.All("base").Select(w => w.Name).ToHashSet();

        var unused = Directory.EnumerateFiles(Repository.Containers, "*.Dockerfile")
            .Where(f => !run.Contains(Path.GetFileName(f)[..^".Dockerfile".Length]))
            .Select(Repository.Relative);

        Assert.Empty(unused);
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Ports_agree_between_the_service_its_container_build_its_manifest_and_its_Service(string variant, string name)
    {
        var workload = Workload.Named(variant, name);
        using var appSettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(Repository.Full(workload.ProjectFile!))!, "appsettings.json")));
        var endpoints = appSettings.RootElement.GetProperty("Endpoints");
        var (rpc, http) = (endpoints.GetProperty("RpcPort").GetInt32(), endpoints.GetProperty("HttpPort").GetInt32());
        var dockerfile = workload.Dockerfile;
        var service = workload.Manifests.Find("Service", name) ?? throw new Xunit.Sdk.XunitException($"{workload} has no Service named {name}");
        var servicePorts = service.Root.At("spec").Maps("ports").ToDictionary(p => p.Text("name") ?? "", p => (Port: p.Text("port"), Target: p.Text("targetPort")));

        Assert.Equal((rpc, http), (workload.ContainerPort("grpc"), workload.ContainerPort("http")));
        Assert.Equal(($"{rpc}", $"{http}"), (workload.Value("Endpoints__RpcPort"), workload.Value("Endpoints__HttpPort")));
        Assert.Equal(new[] { rpc, http }.Order(), dockerfile.ExposedPorts.Order());
        Assert.Equal(($"{rpc}", $"{http}"), (dockerfile.Environment["Endpoints__RpcPort"], dockerfile.Environment["Endpoints__HttpPort"]));
        Assert.Equal(($"{rpc}", "grpc"), servicePorts["grpc"]);
        Assert.Equal(($"{http}", "http"), servicePorts["http"]);
        // Inside a pod the service must listen beyond loopback, or nothing reaches it.
        Assert.Equal("0.0.0.0", workload.Value("Endpoints__Host"));
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void The_container_build_publishes_the_project_on_the_official_NET_images_and_runs_it_as_a_non_root_user(string variant, string name)
    {
        var workload = Workload.Named(variant, name);
        var dockerfile = workload.Dockerfile;
        var project = workload.ProjectFile!;
        var assembly = XDocument.Load(Repository.Full(project)).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
        var framework = XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        var imageVersion = framework["net".Length..];

        Assert.Equal($"{Workload.ImagePrefix}{name}", workload.Image.Split(':')[0]);
        Assert.Equal([$"mcr.microsoft.com/dotnet/sdk:{imageVersion}", $"mcr.microsoft.com/dotnet/aspnet:{imageVersion}"], dockerfile.BaseImages);
        Assert.Equal(["dotnet", $"{assembly}.dll"], dockerfile.EntryPoint);
        Assert.False(dockerfile.User is null or "" or "root" or "0", $"{dockerfile.File} runs as '{dockerfile.User ?? "root"}'");
        // The build context must hold the project and everything it references.
        var copied = dockerfile.CopiedPaths.ToList();
        Assert.All(copied, path => Assert.True(File.Exists(Repository.Full(path)) || Directory.Exists(Repository.Full(path)), $"{dockerfile.File} copies {path}, which does not exist"));
        Assert.All(ProjectReferences.Closure(Repository.Full(project)).Select(Repository.Relative), needed =>
            Assert.True(copied.Any(c => c.EndsWith('/') && needed.StartsWith(c, StringComparison.Ordinal)), $"{dockerfile.File} does not copy {needed}, which {project} needs"));
    }
}
