using System.Security.Cryptography;
using System.Text;
using Exchange.Claims.V1;
using Exchange.Cli.Input;
using Exchange.Common.V1;

namespace Exchange.Cli.Demo;

/// <summary>
/// Writes the lines of a demo claim against the claim as the service opened it: funded people are
/// named by the keys the claim lists, receipts get an attachment id and a hash of their own (so
/// that no two lines look like duplicates), and line ids are fixed (so that saving again is the same).
/// </summary>
public sealed class DemoClaimLines(Claim claim, string key)
{
    public Claim Claim { get; } = claim;

    public ClaimLine Event(string id, string category, string description, string amount, string currency, DateOnly paid) =>
        Line(id, category, description, amount, currency, paid, "");

    public ClaimLine Person(string id, string category, string name, string description, string amount, string currency, DateOnly paid)
    {
        var person = Claim.FundedPeople.FirstOrDefault(p => p.Name == name)?.Key
            ?? throw new InvalidOperationException($"{name} is not a funded person of claim {Claim.Id} (funded: {string.Join(", ", Claim.FundedPeople.Select(p => p.Name))})");
        return Line(id, category, description, amount, currency, paid, person);
    }

    private ClaimLine Line(string id, string category, string description, string amount, string currency, DateOnly paid, string person)
    {
        var attachment = $"demo/{key}/{id}.pdf";
        return new ClaimLine
        {
            Id = id,
            Category = category,
            Description = description,
            Amount = new Money { Amount = amount, Currency = currency },
            ValueDate = DateText.From(paid),
            PersonKey = person,
            Receipt = new Receipt { AttachmentId = attachment, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(attachment))) },
        };
    }
}
