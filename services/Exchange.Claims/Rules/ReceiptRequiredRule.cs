using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>Every cost is evidenced: an attachment and the SHA-256 of its file.</summary>
public sealed class ReceiptRequiredRule : ClaimRule
{
    public override string Name => "receipt-required";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        foreach (var line in claim.Lines)
        {
            if (line.Line.AttachmentId.Length == 0) yield return AtLine(line, "receipt.attachment_id", "a receipt (attachment id) is required");
            if (line.Line.ReceiptSha256.Length == 0) yield return AtLine(line, "receipt.sha256", "the SHA-256 of the receipt's file is required");
        }
    }
}
