using System.Security.Cryptography;
using System.Text;
using Exchange.Surveys.Model;

namespace Exchange.Surveys.Responses;

/// <summary>
/// Identifies a set of answers: SHA-256 of their canonical lines in questionnaire order. Two
/// submissions are "the same" exactly when their digests are equal.
/// </summary>
public static class AnswerDigest
{
    public static string Of(IEnumerable<StoredAnswer> answers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", answers.Select(a => a.Canonical())))));
}
