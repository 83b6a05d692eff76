namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>One Kubernetes object as a manifest file declares it.</summary>
public sealed record Manifest(string File, Dictionary<string, object?> Root)
{
    public string Kind => Root.Text("kind") ?? "";

    public string Name => Root.Map("metadata")?.Text("name") ?? "";

    public override string ToString() => $"{Kind} {Name} ({File})";
}
