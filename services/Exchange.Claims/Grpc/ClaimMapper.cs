using Exchange.Claims.Model;
using Exchange.Claims.Money;
using Exchange.Claims.V1;

namespace Exchange.Claims.Grpc;

/// <summary>Claims, model to wire, with their payment, closing deadline and the duplicates found across claims.</summary>
public static class ClaimMapper
{
    public static V1.Claim ToMessage(Model.Claim claim, ClaimPayment? payment, DateTimeOffset? closingDeadline, IEnumerable<DuplicateFlagValue> duplicatesAcross)
    {
        var message = new V1.Claim
        {
            Id = claim.Id.ToString(),
            ProjectId = claim.ProjectId.ToString(),
            FiscalYear = claim.FiscalYear,
            ActivityId = claim.ActivityId.ToString(),
            SupportTool = claim.SupportTool,
            ActivityStart = Wire.Date(claim.ActivityStart),
            ActivityEnd = Wire.Date(claim.ActivityEnd),
            ActivityDays = claim.ActivityDays,
            PrivateExpensePersons = claim.PrivateExpensePersons,
            Status = claim.Status,
            ClaimedJpy = Wire.Yen(claim.ClaimedJpy),
            SanctionedJpy = claim.Status is ClaimStatus.Approved or ClaimStatus.Paid ? Wire.Yen(claim.SanctionedJpy) : null,
            RulebookVersion = claim.RulebookVersion,
            StatusReason = claim.StatusReason,
            ClosingDeadline = Wire.Time(closingDeadline),
            Version = claim.Version,
            OpenedBy = claim.OpenedBy,
            CreatedAt = Wire.Time(claim.CreatedAt),
            UpdatedAt = Wire.Time(claim.UpdatedAt),
            SubmittedAt = Wire.Time(claim.SubmittedAt),
            DecidedAt = Wire.Time(claim.DecidedAt),
        };
        message.Places.AddRange(claim.Places);
        message.FundedPeople.AddRange(claim.FundedPeople.Select(p => new FundedPerson
        {
            Key = p.Key,
            Name = p.Name,
            OrganisationId = p.OrganisationId,
            OrganisationName = p.OrganisationName,
            Country = p.Country,
            Role = p.Role,
        }));
        message.Lines.AddRange(claim.Lines.Select(ToMessage));
        message.Violations.AddRange(claim.Violations.Select(v => new Violation { Rule = v.Rule, LineId = v.LineId, Field = v.Field, Message = v.Message }));
        message.Duplicates.AddRange(claim.Duplicates.Concat(duplicatesAcross).Select(d => new DuplicateFlag
        {
            Kind = d.Kind,
            LineId = d.LineId,
            OtherClaimId = d.OtherClaimId.ToString(),
            OtherLineId = d.OtherLineId,
            Message = d.Message,
        }));
        message.ClaimedByCurrency.AddRange(ByCurrency(claim.Lines));
        if (payment is not null)
        {
            message.Payment = new Payment
            {
                PaymentId = payment.PaymentId,
                Amount = Wire.Yen(payment.AmountJpy),
                PaidOn = Wire.Date(payment.PaidOn),
                Reference = payment.Reference,
                PaidBy = payment.PaidBy,
                RecordedAt = Wire.Time(payment.RecordedAt),
                Source = payment.Source,
            };
        }
        return message;
    }

    /// <summary>The readable amounts of lines, summed per currency (in the order currencies first appear).</summary>
    public static IEnumerable<Common.V1.Money> ByCurrency(IEnumerable<ClaimLineValue> lines) => lines
        .Where(l => Currencies.IsKnown(l.Currency) && DecimalText.TryParse(l.Amount, out _, out _))
        .GroupBy(l => l.Currency)
        .Select(g => Wire.Amount(g.Sum(l => { DecimalText.TryParse(l.Amount, out var a, out _); return a; }), g.Key));

    private static ClaimLine ToMessage(ClaimLineValue line) => new()
    {
        Id = line.Id,
        Category = line.Category,
        Description = line.Description,
        Amount = new Common.V1.Money { Amount = line.Amount, Currency = line.Currency },
        ValueDate = Wire.DateFromText(line.ValueDate),
        PersonKey = line.PersonKey,
        Receipt = line.AttachmentId.Length == 0 && line.ReceiptSha256.Length == 0 ? null : new Receipt { AttachmentId = line.AttachmentId, Sha256 = line.ReceiptSha256 },
        RateToJpy = line.RateToJpy is { } rate ? DecimalText.Format(rate) : "",
        AmountJpy = line.AmountJpy is { } yen ? Wire.Yen(yen) : null,
        SanctionedJpy = line.SanctionedJpy is { } sanctioned ? Wire.Yen(sanctioned) : null,
        SanctionReason = line.SanctionReason,
    };
}
