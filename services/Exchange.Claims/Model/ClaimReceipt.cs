namespace Exchange.Claims.Model;

/// <summary>
/// The receipts of claim lines by their file's SHA-256: finds the same receipt claimed twice,
/// across claims and projects. Rewritten with every save of a claim.
/// </summary>
public sealed class ClaimReceipt
{
    private ClaimReceipt()
    {
    }

    public Guid ClaimId { get; private set; }

    public string LineId { get; private set; } = "";

    public Guid ProjectId { get; private set; }

    public string Sha256 { get; private set; } = "";

    public static ClaimReceipt For(Guid claimId, Guid projectId, string lineId, string sha256) =>
        new() { ClaimId = claimId, ProjectId = projectId, LineId = lineId, Sha256 = sha256 };
}
