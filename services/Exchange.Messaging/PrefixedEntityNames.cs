using MassTransit;

namespace Exchange.Messaging;

/// <summary>
/// Names each message type's exchange with a prefix (<c>Messaging:ExchangePrefix</c>): platforms
/// sharing a broker and virtual host, such as concurrent test runs, then publish and bind to
/// exchanges of their own and never receive each other's events.
/// </summary>
public sealed class PrefixedEntityNames(IEntityNameFormatter names, string prefix) : IEntityNameFormatter
{
    public string FormatEntityName<T>() => prefix + names.FormatEntityName<T>();
}
