using System.Reflection;

namespace Exchange.Reliability.Infrastructure;

/// <summary>Where the repository is, and where the services' builds of this configuration are.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";

    /// <summary>Where this suite's servers keep their data and where it writes its logs and report.</summary>
    public static string StateDirectory => Path.Combine(Root, ".state", "reliability");

    /// <summary>The built assembly of a service project, e.g. "Exchange.Claims".</summary>
    public static string ServiceAssembly(string project) =>
        Path.Combine(Root, "services", project, "bin", Configuration, "net10.0", project + ".dll");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Exchange.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("Exchange.sln not found above the test assembly");
    }
}
