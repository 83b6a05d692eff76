using Exchange.Claims.Data;
using Exchange.Claims.V1;

namespace Exchange.Claims.Model;

/// <summary>Writes audit entries into the unit of work of the change they record (one per request or message).</summary>
public sealed class AuditTrail(ClaimsDb db)
{
    public const string ClaimSubject = "claim";
    public const string ContractSubject = "coordinator-contract";
    public const string InvoiceSubject = "coordinator-invoice";
    public const string BudgetSubject = "budget";
    public const string RulebookSubject = "rulebook";
    public const string RateSubject = "exchange-rate";

    private int _ordinal;

    public void Record(string kind, string subjectId, Guid? projectId, string action, string from, string to, Actor actor, string reason, DateTimeOffset at) =>
        db.AuditTrail.Add(AuditEntry.Record(kind, subjectId, projectId, action, from, to, actor, reason, at, _ordinal++));

    public void Claim(Claim claim, string action, ClaimStatus from, Actor actor, string reason, DateTimeOffset at) =>
        Record(ClaimSubject, claim.Id.ToString(), claim.ProjectId, action, State(from), State(claim.Status), actor, reason, at);

    /// <summary>"under_review": how the trail names a claim's state.</summary>
    public static string State(ClaimStatus status) => status switch
    {
        ClaimStatus.Unspecified => "",
        ClaimStatus.UnderReview => "under_review",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string State(InvoiceStatus status) => status == InvoiceStatus.Unspecified ? "" : status.ToString().ToLowerInvariant();

    public static string State(ContractStatus status) => status == ContractStatus.Unspecified ? "" : status.ToString().ToLowerInvariant();
}
