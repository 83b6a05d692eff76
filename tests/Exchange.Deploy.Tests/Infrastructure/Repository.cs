namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Kubernetes => Path.Combine(Root, "deploy", "kubernetes");

    public static string Containers => Path.Combine(Root, "deploy", "containers");

    /// <summary>A path relative to the root, with '/' as the manifests and Dockerfiles write it.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public static string Full(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Exchange.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No Exchange.sln above {AppContext.BaseDirectory}");
    }
}
