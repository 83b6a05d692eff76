namespace Exchange.Deploy.Tests;

/// <summary>Tests that start workloads' hosts in this process run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostsCollection
{
    public const string Name = "hosts";
}
