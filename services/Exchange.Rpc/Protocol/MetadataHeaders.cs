using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

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
        var key = LowerCase(name);
        if (GrpcHeaders.IsReservedLowerCase(key)) return;
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

    /// <summary>
    /// The header name in lower case. HTTP/2 names arrive in lower case already, but Kestrel
    /// names the headers it knows in their registered spelling (<c>User-Agent</c>): those map to
    /// a fixed lower-case string instead of a new one per call.
    /// </summary>
    private static string LowerCase(string name)
    {
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c))
                return KnownLowerCaseNames.TryGetValue(name, out var lower) ? lower : name.ToLowerInvariant();
        }
        return name;
    }

    private static readonly FrozenDictionary<string, string> KnownLowerCaseNames = new[]
    {
        HeaderNames.Accept, HeaderNames.AcceptCharset, HeaderNames.AcceptEncoding, HeaderNames.AcceptLanguage,
        HeaderNames.AccessControlRequestHeaders, HeaderNames.AccessControlRequestMethod, HeaderNames.Authorization,
        HeaderNames.Baggage, HeaderNames.CacheControl, HeaderNames.Connection, HeaderNames.ContentEncoding,
        HeaderNames.ContentLanguage, HeaderNames.ContentLength, HeaderNames.ContentType, HeaderNames.Cookie,
        HeaderNames.CorrelationContext, HeaderNames.Date, HeaderNames.Expect, HeaderNames.From, HeaderNames.Host,
        HeaderNames.KeepAlive, HeaderNames.MaxForwards, HeaderNames.Origin, HeaderNames.Pragma,
        HeaderNames.ProxyAuthorization, HeaderNames.Range, HeaderNames.Referer, HeaderNames.RequestId, HeaderNames.TE,
        HeaderNames.TraceParent, HeaderNames.TraceState, HeaderNames.Trailer, HeaderNames.TransferEncoding,
        HeaderNames.Upgrade, HeaderNames.UpgradeInsecureRequests, HeaderNames.UserAgent, HeaderNames.Via,
        HeaderNames.Warning, HeaderNames.XRequestedWith,
    }.Distinct(StringComparer.Ordinal).ToFrozenDictionary(n => n, n => n.ToLowerInvariant(), StringComparer.Ordinal);

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
