using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Exchange.Gateway.Keys;

/// <summary>
/// The text of an API key: <c>exk_&lt;id&gt;_&lt;secret&gt;</c>. The id (16 base32 characters) names
/// the key in logs and in the admin API; the secret is 32 random bytes (256 bits) in base64url.
/// The prefix makes leaked keys easy to find for secret scanners.
/// </summary>
/// <remarks>
/// The store keeps only SHA-256 of the whole text. A plain, fast hash is right here and a
/// password hash (bcrypt, Argon2) is not: those slow down guessing of low-entropy passwords,
/// while a 256-bit random secret cannot be guessed or found from its hash however fast the hash
/// is. A slow hash would only add milliseconds to every call that misses the key cache.
/// </remarks>
public static class ApiKeyText
{
    public const string Prefix = "exk_";
    public const int IdLength = 16;
    private const int SecretBytes = 32;
    private const int SecretLength = 43;
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static int Length => Prefix.Length + IdLength + 1 + SecretLength;

    public static string NewId()
    {
        // 10 bytes are 80 bits: 16 base32 characters of 5 bits each.
        var bytes = RandomNumberGenerator.GetBytes(10);
        var id = new StringBuilder(IdLength);
        ulong buffer = 0;
        var bits = 0;
        foreach (var b in bytes)
        {
            buffer = buffer << 8 | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                id.Append(Base32Alphabet[(int)(buffer >> bits & 31)]);
            }
        }
        return id.ToString();
    }

    /// <summary>A new key for <paramref name="id"/> with a fresh random secret.</summary>
    public static string Compose(string id) =>
        $"{Prefix}{id}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes))}";

    /// <summary>True when <paramref name="text"/> has the shape of a key; <paramref name="id"/> is its id.</summary>
    public static bool TryParse(string? text, out string id)
    {
        id = "";
        if (text is null || text.Length != Length || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var idPart = text.AsSpan(Prefix.Length, IdLength);
        foreach (var c in idPart)
        {
            if (Base32Alphabet.IndexOf(c) < 0) return false;
        }
        if (text[Prefix.Length + IdLength] != '_') return false;
        foreach (var c in text.AsSpan(Prefix.Length + IdLength + 1))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        }
        id = idPart.ToString();
        return true;
    }

    public static bool IsId(string? text) =>
        text is { Length: IdLength } && text.All(c => Base32Alphabet.Contains(c));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.ASCII.GetBytes(key));
}
