using System.Text.RegularExpressions;
using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>A receipt's hash is a SHA-256: 64 hexadecimal characters, by which duplicates are found.</summary>
public sealed partial class ReceiptHashRule : ClaimRule
{
    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();

    public override string Name => "receipt-hash";

    public static bool IsSha256(string value) => Sha256().IsMatch(value);

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        foreach (var line in claim.Lines.Where(l => l.Line.ReceiptSha256.Length > 0 && !IsSha256(l.Line.ReceiptSha256)))
            yield return AtLine(line, "receipt.sha256", $"'{Duplicates.Short(line.Line.ReceiptSha256)}' is not a SHA-256 (64 hexadecimal characters)");
    }
}
