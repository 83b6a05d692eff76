using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Exchange.Rpc.Protocol;

/// <summary>Moves custom metadata between <see cref="Metadata"/> and HTTP header collections.</summary>
public static class MetadataHeaders
{
    /// <summary>
    /// Custom metadata from request headers. Reserved headers are skipped; a -bin value that is not
    /// valid base64 is skipped rather than failing the call. With <paramref name="prefix"/>, only
    /// headers with that prefix are taken, without it (Connect's trailer- headers).
    /// </summary>
    public static Metadata FromHttp(IHeaderDictionary headers, string? prefix = null)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            var key = name;
            if (prefix is not null)
            {
                if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
                key = key[prefix.Length..];
            }
            AddValues(metadata, key, values);
        }
        return metadata;
    }

    public static void AddValues(Metadata metadata, string name, StringValues values)
    {
        if (GrpcHeaders.IsReserved(name)) return;
        var key = name.ToLowerInvariant();
        var binary = Metadata.IsBinaryKey(key);
        foreach (var value in values)
        {
            if (value is null) continue;
            if (binary)
            {
                // Several binary values may share one header line, separated by commas.
                foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (BinaryHeaderValue.TryDecode(part, out var bytes)) metadata.Add(Metadata.Entry.Binary(key, bytes));
                }
            }
            else
            {
                try
                {
                    metadata.Add(Metadata.Entry.Text(key, value));
                }
                catch (ArgumentException)
                {
                    // A header that is not valid metadata (odd characters) is not exposed.
                }
            }
        }
    }

    public static void WriteTo(Metadata metadata, IHeaderDictionary headers, string prefix = "")
    {
        foreach (var entry in metadata)
        {
            var name = prefix.Length == 0 ? entry.Key : prefix + entry.Key;
            var value = entry.IsBinary ? BinaryHeaderValue.Encode(entry.ValueBytes) : entry.Value;
            headers.Append(name, value);
        }
    }
}
