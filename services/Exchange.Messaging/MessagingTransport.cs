namespace Exchange.Messaging;

public enum MessagingTransport
{
    RabbitMq,

    /// <summary>MassTransit's in-process transport: for tests of consumer logic only.</summary>
    InMemory,
}
