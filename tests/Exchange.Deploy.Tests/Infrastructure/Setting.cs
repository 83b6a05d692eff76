namespace Exchange.Deploy.Tests.Infrastructure;

/// <summary>An environment variable of a container, in the <c>__</c> form of a configuration key.</summary>
public sealed record Setting(string Name, string? Value, string Source)
{
    /// <summary>The configuration key the variable sets: <c>Database__Provider</c> is <c>Database:Provider</c>.</summary>
    public string Key => Name.Replace("__", ":", StringComparison.Ordinal);
}
