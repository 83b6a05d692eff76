namespace Exchange.Contracts.Claims;

/// <summary>Coordinators made a new version of a fiscal year's rulebook; claims are checked against it from now on.</summary>
public sealed record RulebookChanged(int FiscalYear, int Version, string ChangedBy, DateTimeOffset OccurredAt);
