using System.Text;

namespace Exchange.Rpc.Protocol;

/// <summary>
/// The percent-encoding of <c>grpc-message</c>: the UTF-8 bytes of the message, with every byte
/// outside 0x20..0x7E and the byte '%' itself written as %XX. Decoding never fails: a malformed
/// escape is kept as it stands, and invalid UTF-8 becomes U+FFFD.
/// </summary>
public static class StatusMessageEncoding
{
    private static readonly Encoding Utf8Lenient = new UTF8Encoding(false, throwOnInvalidBytes: false);
    private const string HexDigits = "0123456789ABCDEF";

    public static string Encode(string message)
    {
        if (!NeedsEncoding(message)) return message;
        var bytes = Encoding.UTF8.GetBytes(message);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }
        return sb.ToString();
    }

    public static string Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded)) return "";
        if (encoded.IndexOf('%') < 0 && IsPlainAscii(encoded)) return encoded;

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length
                && TryHex(encoded[i + 1], out var hi) && TryHex(encoded[i + 2], out var lo))
            {
                bytes.Add((byte)(hi << 4 | lo));
                i += 2;
            }
            else if (c <= 0x7F)
            {
                bytes.Add((byte)c);
            }
            else
            {
                // Not valid on the wire, but never fail: keep the character as UTF-8.
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        return Utf8Lenient.GetString(bytes.ToArray());
    }

    private static bool NeedsEncoding(string message)
    {
        foreach (var c in message)
        {
            if (c < 0x20 || c > 0x7E || c == '%') return true;
        }
        return false;
    }

    private static bool IsPlainAscii(string s)
    {
        foreach (var c in s)
        {
            if (c > 0x7F) return false;
        }
        return true;
    }

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
