using System.Globalization;
using System.Text;

namespace Exchange.Claims.Model;

/// <summary>
/// People have no id across services: the activity's roster names them with their organisation.
/// A person is "&lt;organisation id&gt;/&lt;normalised name&gt;": lower case, accents removed,
/// whitespace collapsed, so that "Anna  Weber" and "anna weber" are one person, and two Anna
/// Webers of different companies are two.
/// </summary>
public static class PersonKey
{
    // The services run with invariant globalization, where string.Normalize decomposes nothing:
    // the accented Latin letters of European names are folded by this table instead, and
    // combining marks of names typed already decomposed are dropped.
    private static readonly Dictionary<char, string> Folded = BuildFolding();

    public static string Of(string organisationId, string name) => $"{organisationId.Trim().ToLowerInvariant()}/{NormaliseName(name)}";

    /// <summary>The normal form of a key as a client wrote it; empty stays empty.</summary>
    public static string Normalise(string key)
    {
        if (string.IsNullOrWhiteSpace(key)) return "";
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? NormaliseName(key) : Of(key[..slash], key[(slash + 1)..]);
    }

    public static string NormaliseName(string name)
    {
        var text = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }
            if (space) text.Append(' ');
            space = false;
            var lower = char.ToLowerInvariant(c);
            if (Folded.TryGetValue(lower, out var plain)) text.Append(plain);
            else text.Append(lower);
        }
        return text.ToString();
    }

    private static Dictionary<char, string> BuildFolding()
    {
        var groups = new Dictionary<string, string>
        {
            ["a"] = "àáâãäåāăą",
            ["ae"] = "æ",
            ["c"] = "çćĉċč",
            ["d"] = "ďđð",
            ["e"] = "èéêëēĕėęě",
            ["g"] = "ĝğġģ",
            ["h"] = "ĥħ",
            ["i"] = "ìíîïĩīĭįı",
            ["ij"] = "ĳ",
            ["j"] = "ĵ",
            ["k"] = "ķĸ",
            ["l"] = "ĺļľŀł",
            ["n"] = "ñńņňŉŋ",
            ["o"] = "òóôõöøōŏő",
            ["oe"] = "œ",
            ["r"] = "ŕŗř",
            ["s"] = "śŝşšſ",
            ["ss"] = "ß",
            ["t"] = "ţťŧ",
            ["th"] = "þ",
            ["u"] = "ùúûüũūŭůűų",
            ["w"] = "ŵ",
            ["y"] = "ýÿŷ",
            ["z"] = "źżž",
        };
        var folded = new Dictionary<char, string>();
        foreach (var (plain, letters) in groups)
            foreach (var letter in letters) folded[letter] = plain;
        return folded;
    }
}
