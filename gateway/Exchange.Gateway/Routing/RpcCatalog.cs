using System.Collections.Frozen;
using System.Reflection;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Every RPC of the platform's protos (<c>protos/exchange/</c>, compiled into Exchange.Protos),
/// found from the generated descriptors: which calls stream, and what the API document lists.
/// </summary>
public sealed class RpcCatalog
{
    private readonly FrozenDictionary<string, MethodDescriptor> _byPath;

    private RpcCatalog(IReadOnlyList<FileDescriptor> files)
    {
        Files = files;
        Services = files.SelectMany(f => f.Services).ToList();
        _byPath = Services.SelectMany(s => s.Methods)
            .ToFrozenDictionary(m => $"/{m.Service.FullName}/{m.Name}", StringComparer.Ordinal);
    }

    public static RpcCatalog Platform { get; } = new(PlatformFiles());

    /// <summary>This catalog and the services of <paramref name="files"/>: for services whose protos live elsewhere.</summary>
    public RpcCatalog With(params FileDescriptor[] files) => new([.. Files, .. files.Where(f => !Files.Contains(f))]);

    /// <summary>The proto files of the <c>exchange.*</c> packages, ordered by package and name.</summary>
    public IReadOnlyList<FileDescriptor> Files { get; }

    public IReadOnlyList<ServiceDescriptor> Services { get; }

    public MethodDescriptor? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>True when the call at <paramref name="path"/> streams its responses.</summary>
    public bool IsServerStreaming(string path) => Find(path)?.IsServerStreaming == true;

    private static List<FileDescriptor> PlatformFiles()
    {
        // Each generated file has a static class <File>Reflection with its descriptor.
        var assembly = typeof(Exchange.Common.V1.CommonReflection).Assembly;
        return assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as FileDescriptor)
            .OfType<FileDescriptor>()
            .Where(f => f.Package.StartsWith("exchange.", StringComparison.Ordinal))
            .OrderBy(f => f.Package, StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }
}
