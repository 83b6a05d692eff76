namespace Exchange.Rpc.Protocol;

/// <summary>
/// Base64 for <c>-bin</c> metadata: decoding accepts padded and unpadded values (the spec's MUST),
/// encoding emits unpadded values (the spec's SHOULD).
/// </summary>
public static class BinaryHeaderValue
{
    public static string Encode(ReadOnlySpan<byte> value) => Convert.ToBase64String(value).TrimEnd('=');

    public static bool TryDecode(string value, out byte[] bytes)
    {
        var trimmed = value.Trim();
        var padding = (4 - trimmed.Length % 4) % 4;
        if (padding == 3)
        {
            bytes = [];
            return false;
        }
        var padded = padding == 0 ? trimmed : trimmed + new string('=', padding);
        try
        {
            bytes = Convert.FromBase64String(padded);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
