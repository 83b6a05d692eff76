namespace Exchange.Messaging.CatchUp;

/// <summary>
/// A service's persisted memory of one catch-up (<see cref="Name"/>, e.g. "project-snapshots"):
/// the request it made for another service's current state, and whether the answer came. The row
/// is what makes a service ask once in its life rather than at every start.
/// </summary>
public sealed class CatchUpRequest
{
    public string Name { get; set; } = "";

    /// <summary>The id every attempt of this request carries; the answer names it.</summary>
    public Guid RequestId { get; set; }

    /// <summary>The <c>Messaging:CatchUp:Resync</c> value the request was made for ("" when none was set).</summary>
    public string Resync { get; set; } = "";

    /// <summary>How often the request was sent.</summary>
    public int Attempts { get; set; }

    /// <summary>UTC.</summary>
    public DateTime FirstRequestedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastRequestedAt { get; set; }

    /// <summary>UTC time the answer arrived; null while the service waits for it.</summary>
    public DateTime? AnsweredAt { get; set; }
}
