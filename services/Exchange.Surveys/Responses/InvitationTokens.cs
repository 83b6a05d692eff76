using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Exchange.Surveys.Responses;

/// <summary>
/// Invitation tokens: 256 random bits, URL-safe base64 (43 characters), so that a token cannot be
/// guessed; the service stores only their SHA-256 hash, so that its database does not hold
/// working credentials. A high-entropy token needs no salt or slow hash.
/// </summary>
public static class InvitationTokens
{
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>False for anything that cannot be a token this service issued (checked before any lookup).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');
}
