using Exchange.Claims.Model;
using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exchange.Claims.Data;

/// <summary>
/// The Claims service's own database: rulebooks, exchange rates, budgets, claims and their
/// payments and receipts, coordinator contracts, the audit trail, the read model of projects and
/// their closing periods, the fiscal years' cut-offs, outbox and inbox.
/// </summary>
public sealed class ClaimsDb(DbContextOptions<ClaimsDb> options) : DbContext(options)
{
    public DbSet<Rulebook> Rulebooks => Set<Rulebook>();

    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();

    public DbSet<Budget> Budgets => Set<Budget>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<ClaimPayment> Payments => Set<ClaimPayment>();

    public DbSet<ClaimReceipt> Receipts => Set<ClaimReceipt>();

    public DbSet<CoordinatorContract> Contracts => Set<CoordinatorContract>();

    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();

    public DbSet<ProjectSnapshot> Projects => Set<ProjectSnapshot>();

    public DbSet<ProjectClosing> Closings => Set<ProjectClosing>();

    public DbSet<FiscalYearCutOff> CutOffs => Set<FiscalYearCutOff>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Rulebook>(rulebook =>
        {
            rulebook.ToTable("rulebooks");
            rulebook.HasKey(r => new { r.FiscalYear, r.Version });
            rulebook.Property(r => r.Content).HasJsonConversion();
            rulebook.Property(r => r.ChangedBy).HasMaxLength(64);
            rulebook.Property(r => r.Note).HasMaxLength(2000);
            Ticks(rulebook.Property(r => r.ChangedAt));
        });

        modelBuilder.Entity<ExchangeRate>(rate =>
        {
            rate.ToTable("exchange_rates");
            rate.HasKey(r => new { r.Currency, r.EffectiveFrom });
            rate.Property(r => r.Currency).HasMaxLength(3);
            rate.Property(r => r.RateToJpy).HasPrecision(18, 6);
            rate.Property(r => r.Source).HasMaxLength(200);
            rate.Property(r => r.RecordedBy).HasMaxLength(64);
            Ticks(rate.Property(r => r.RecordedAt));
        });

        modelBuilder.Entity<Budget>(budget =>
        {
            budget.ToTable("budgets");
            budget.HasKey(b => new { b.ProjectId, b.FiscalYear });
            budget.Property(b => b.Lines).HasJsonConversion();
            budget.Property(b => b.Version).IsConcurrencyToken();
            budget.Property(b => b.SetBy).HasMaxLength(64);
            Ticks(budget.Property(b => b.SetAt));
        });

        modelBuilder.Entity<Claim>(claim =>
        {
            claim.ToTable("claims");
            claim.HasKey(c => c.Id);
            // One claim per activity: a second ActivityCompleted refreshes it instead of opening another.
            claim.HasIndex(c => c.ActivityId).IsUnique();
            claim.HasIndex(c => new { c.ProjectId, c.FiscalYear });
            claim.HasIndex(c => c.FiscalYear);
            claim.Property(c => c.Places).HasJsonConversion();
            claim.Property(c => c.FundedPeople).HasJsonConversion();
            claim.Property(c => c.Lines).HasJsonConversion();
            claim.Property(c => c.Violations).HasJsonConversion();
            claim.Property(c => c.Duplicates).HasJsonConversion();
            claim.Property(c => c.StatusReason).HasMaxLength(2000);
            claim.Property(c => c.SubmitRequestId).HasMaxLength(100);
            claim.Property(c => c.OpenedBy).HasMaxLength(64);
            claim.Property(c => c.Version).IsConcurrencyToken();
            Ticks(claim.Property(c => c.ActivityCompletedAt));
            Ticks(claim.Property(c => c.CreatedAt));
            Ticks(claim.Property(c => c.UpdatedAt));
            claim.Property(c => c.SubmittedAt).HasConversion(TicksConverter);
            claim.Property(c => c.DecidedAt).HasConversion(TicksConverter);
            claim.Ignore(c => c.ActivityDays);
        });

        modelBuilder.Entity<ClaimPayment>(payment =>
        {
            payment.ToTable("claim_payments");
            payment.HasKey(p => p.Id);
            // The guarantee behind "a claim is paid once": no second row can be stored for a claim.
            payment.HasIndex(p => p.ClaimId).IsUnique();
            payment.HasIndex(p => p.PaymentId).IsUnique();
            payment.Property(p => p.PaymentId).HasMaxLength(100);
            payment.Property(p => p.Reference).HasMaxLength(200);
            payment.Property(p => p.PaidBy).HasMaxLength(64);
            payment.Property(p => p.Source).HasMaxLength(16);
            Ticks(payment.Property(p => p.RecordedAt));
        });

        modelBuilder.Entity<ClaimReceipt>(receipt =>
        {
            receipt.ToTable("claim_receipts");
            receipt.HasKey(r => new { r.ClaimId, r.LineId });
            receipt.Property(r => r.LineId).HasMaxLength(64);
            receipt.Property(r => r.Sha256).HasMaxLength(64);
            receipt.HasIndex(r => r.Sha256);
        });

        modelBuilder.Entity<CoordinatorContract>(contract =>
        {
            contract.ToTable("coordinator_contracts");
            contract.HasKey(c => c.Id);
            // The coordinator limits hold under concurrent signing: two contracts racing for one slot cannot both be stored.
            contract.HasIndex(c => new { c.ProjectId, c.FiscalYear, c.Side, c.Slot }).IsUnique();
            contract.HasIndex(c => new { c.CreatedBy, c.RequestId }).IsUnique();
            contract.HasIndex(c => c.FiscalYear);
            contract.Property(c => c.CoordinatorName).HasMaxLength(120);
            contract.Property(c => c.CoordinatorOrganisation).HasMaxLength(120);
            contract.Property(c => c.CoordinatorCountry).HasMaxLength(2);
            contract.Property(c => c.Invoices).HasJsonConversion();
            contract.Property(c => c.RequestId).HasMaxLength(100);
            contract.Property(c => c.CreatedBy).HasMaxLength(64);
            contract.Property(c => c.Version).IsConcurrencyToken();
            Ticks(contract.Property(c => c.CreatedAt));
            contract.Ignore(c => c.ContractedJpy);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_trail");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.SubjectId);
            entry.HasIndex(e => e.ProjectId);
            entry.Property(e => e.SubjectKind).HasMaxLength(32);
            entry.Property(e => e.SubjectId).HasMaxLength(64);
            entry.Property(e => e.Action).HasMaxLength(32);
            entry.Property(e => e.FromState).HasMaxLength(32);
            entry.Property(e => e.ToState).HasMaxLength(32);
            entry.Property(e => e.ActorOrganisation).HasMaxLength(64);
            entry.Property(e => e.ActorRole).HasMaxLength(32);
            entry.Property(e => e.ActorSubject).HasMaxLength(200);
            entry.Property(e => e.Reason).HasMaxLength(2000);
            Ticks(entry.Property(e => e.At));
        });

        modelBuilder.Entity<ProjectSnapshot>(project =>
        {
            project.ToTable("projects_read_model");
            project.HasKey(p => p.ProjectId);
            project.Property(p => p.Title).HasMaxLength(200);
            // Of two writers that read the same version, one wins and the other retries.
            project.Property(p => p.Version).IsConcurrencyToken();
            project.Property(p => p.DomesticBodyId).HasMaxLength(64);
            project.Property(p => p.OverseasBodyIds).HasJsonConversion();
            project.Property(p => p.SupportedFiscalYears).HasJsonConversion();
            Ticks(project.Property(p => p.ReceivedAt));
        });

        modelBuilder.Entity<ProjectClosing>(closing =>
        {
            closing.ToTable("project_closings");
            closing.HasKey(c => c.ProjectId);
            Ticks(closing.Property(c => c.CompletedAt));
            Ticks(closing.Property(c => c.Deadline));
            closing.Property(c => c.ClosedAt).HasConversion(TicksConverter);
            // The scheduler looks for periods not yet announced.
            closing.HasIndex(c => c.ClosedAt);
        });

        modelBuilder.Entity<FiscalYearCutOff>(cutOff =>
        {
            cutOff.ToTable("fiscal_year_cut_offs");
            cutOff.HasKey(c => new { c.ProjectId, c.FiscalYear });
            Ticks(cutOff.Property(c => c.CutOffAt));
            Ticks(cutOff.Property(c => c.SetAt));
        });

        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddCatchUpRequests();
    }

    // Instants as UTC ticks: exact, ordered and the same on both providers.
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long> TicksConverter =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static void Ticks(PropertyBuilder<DateTimeOffset> property) => property.HasConversion(TicksConverter);
}
