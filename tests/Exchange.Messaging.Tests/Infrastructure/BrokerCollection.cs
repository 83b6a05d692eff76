namespace Exchange.Messaging.Tests.Infrastructure;

/// <summary>
/// Tests that use the shared test broker run one after another: their queues are temporary and gone
/// when a test ends, so no test sees another's messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection
{
    public const string Name = "broker";
}
