namespace Exchange.Messaging.Tests.Ledger;

/// <summary>The test service's state: a balance that consumers and commands change.</summary>
public sealed class Account
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public long Balance { get; set; }

    /// <summary>Added by the second migration.</summary>
    public string? Note { get; set; }
}
