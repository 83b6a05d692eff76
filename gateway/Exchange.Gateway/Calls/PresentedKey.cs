namespace Exchange.Gateway.Calls;

/// <summary>
/// Where a caller puts its API key: <c>x-api-key: &lt;key&gt;</c>, or
/// <c>authorization: ApiKey &lt;key&gt;</c> for clients that can only set that header.
/// </summary>
public static class PresentedKey
{
    public const string Header = "x-api-key";
    public const string Scheme = "ApiKey";

    /// <summary>The key, or null; <paramref name="wrongScheme"/> names another authorization scheme that was sent.</summary>
    public static string? From(IHeaderDictionary headers, out string? wrongScheme)
    {
        wrongScheme = null;
        var key = headers[Header].ToString().Trim();
        if (key.Length > 0) return key;
        var authorization = headers.Authorization.ToString().Trim();
        if (authorization.Length == 0) return null;
        var space = authorization.IndexOf(' ');
        var scheme = space < 0 ? authorization : authorization[..space];
        if (scheme.Equals(Scheme, StringComparison.OrdinalIgnoreCase) && space > 0) return authorization[(space + 1)..].Trim();
        wrongScheme = scheme;
        return null;
    }
}
