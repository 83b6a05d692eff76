namespace Exchange.Claims.Model;

/// <summary>
/// One version of a fiscal year's rulebook. Versions are never changed: a change makes the next
/// version, so that what a claim was checked against can always be read back.
/// </summary>
public sealed class Rulebook
{
    private Rulebook()
    {
    }

    public int FiscalYear { get; private set; }

    public int Version { get; private set; }

    public RulebookContent Content { get; private set; } = null!;

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    public string Note { get; private set; } = "";

    public static Rulebook Create(int fiscalYear, int version, RulebookContent content, string changedBy, string note, DateTimeOffset now) => new()
    {
        FiscalYear = fiscalYear,
        Version = version,
        Content = content,
        ChangedBy = changedBy,
        ChangedAt = now,
        Note = note,
    };
}
