namespace Exchange.Reliability.Infrastructure;

/// <summary>One collection: the scenarios kill and restart the servers they share, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<DedicatedServers>
{
    public const string Name = "reliability";
}
