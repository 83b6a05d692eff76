using System.Xml.Linq;

namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>The projects a project builds from: itself and every project it references, transitively.</summary>
public static class ProjectReferences
{
    /// <summary>Full paths of the project files, the given one first.</summary>
    public static IReadOnlyList<string> Closure(string projectFile)
    {
        var found = new List<string>();
        var pending = new Stack<string>([Path.GetFullPath(projectFile)]);
        while (pending.TryPop(out var project))
        {
            if (found.Contains(project, StringComparer.Ordinal) || !File.Exists(project)) continue;
            found.Add(project);
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")?.Value.Replace('\\', '/');
                if (include is not null) pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));
            }
        }
        return found;
    }
}
