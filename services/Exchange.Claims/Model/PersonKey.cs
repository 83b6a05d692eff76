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
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }
            if (space) text.Append(' ');
            space = false;
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString().Normalize(NormalizationForm.FormC);
    }
}
