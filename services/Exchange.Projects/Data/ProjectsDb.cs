using Exchange.Messaging.Persistence;
using Exchange.Projects.Lifecycle;
using Exchange.Projects.Model;
using Exchange.Projects.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Exchange.Projects.Data;

/// <summary>
/// The Projects service's own database: projects, adoption rules, the lifecycle's state (per
/// project, its history, follow-up rounds, fiscal-year rollovers), the answers to requests for
/// the snapshots of every project, outbox and inbox.
/// </summary>
public sealed class ProjectsDb(DbContextOptions<ProjectsDb> options) : DbContext(options)
{
    // Instants as UTC ticks: exact, ordered and the same on both providers.
    private static readonly ValueConverter<DateTimeOffset, long> Ticks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<AdoptionRuleSet> AdoptionRules => Set<AdoptionRuleSet>();

    public DbSet<ProjectLifecycle> Lifecycles => Set<ProjectLifecycle>();

    public DbSet<LifecycleStep> LifecycleSteps => Set<LifecycleStep>();

    public DbSet<FollowUpRound> FollowUpRounds => Set<FollowUpRound>();

    public DbSet<FiscalYearRollover> Rollovers => Set<FiscalYearRollover>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Project>(project =>
        {
            project.ToTable("projects");
            project.HasKey(p => p.Id);
            project.Property(p => p.RequestId).HasMaxLength(100);
            project.Property(p => p.RegisteredBy).HasMaxLength(64);
            project.HasIndex(p => new { p.RegisteredBy, p.RequestId }).IsUnique();
            project.Property(p => p.Title).HasMaxLength(200);
            project.Property(p => p.Theme).HasMaxLength(120);
            project.Property(p => p.Version).IsConcurrencyToken();
            project.Property(p => p.StatusReason).HasMaxLength(2000);
            project.Property(p => p.RegisteredAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            project.Property(p => p.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            project.Property(p => p.DomesticRegion).HasJsonConversion();
            project.Property(p => p.DomesticBody).HasJsonConversion();
            project.Property(p => p.OverseasRegions).HasJsonConversion();
            project.Property(p => p.OverseasBodies).HasJsonConversion();
            project.Property(p => p.Members).HasJsonConversion();
            project.Property(p => p.SupportedFiscalYears).HasJsonConversion();
            project.Property(p => p.Expansions).HasJsonConversion();
            project.Property(p => p.Achievements).HasJsonConversion();
            project.Property(p => p.FollowUpReviews).HasJsonConversion();
            project.HasIndex(p => p.Status);
            project.Ignore(p => p.SmeCount);
            project.Ignore(p => p.LastSupportedYear);
        });

        modelBuilder.Entity<AdoptionRuleSet>(rules =>
        {
            rules.ToTable("adoption_rules");
            rules.HasKey(r => new { r.Programme, r.FiscalYear });
            rules.Property(r => r.MinSmeSharePercent).HasPrecision(5, 2);
            rules.Property(r => r.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            rules.Property(r => r.UpdatedBy).HasMaxLength(64);
        });

        modelBuilder.Entity<ProjectLifecycle>(lifecycle =>
        {
            lifecycle.ToTable("project_lifecycles");
            lifecycle.HasKey(l => l.ProjectId);
            lifecycle.HasIndex(l => l.Stage);
            lifecycle.Property(l => l.StageSince).HasConversion(Ticks);
            lifecycle.Property(l => l.ClaimsClosingDeadline).HasConversion(Ticks);
            lifecycle.Property(l => l.ClaimsClosedAt).HasConversion(Ticks);
            lifecycle.Property(l => l.FollowUps).HasJsonConversion();
            lifecycle.Property(l => l.PlannedFollowUpOffsets).HasJsonConversion();
            // Of two units of work changing one project's lifecycle, one wins and the other retries.
            lifecycle.Property(l => l.Version).IsConcurrencyToken();
            lifecycle.Property(l => l.UpdatedAt).HasConversion(Ticks);
        });

        modelBuilder.Entity<LifecycleStep>(step =>
        {
            step.ToTable("lifecycle_steps");
            step.HasKey(s => s.Id);
            // Each step once per project, whatever is repeated; and one step per place in the history.
            step.HasIndex(s => new { s.ProjectId, s.Key }).IsUnique();
            step.HasIndex(s => new { s.ProjectId, s.Sequence }).IsUnique();
            step.Property(s => s.Key).HasMaxLength(100);
            step.Property(s => s.Step).HasMaxLength(40);
            step.Property(s => s.Actor).HasMaxLength(200);
            step.Property(s => s.Detail).HasMaxLength(2000);
            step.Property(s => s.At).HasConversion(Ticks);
        });

        modelBuilder.Entity<FollowUpRound>(round =>
        {
            round.ToTable("lifecycle_follow_up_rounds");
            round.HasKey(r => r.RoundId);
            round.Property(r => r.ScheduledSurveyIds).HasJsonConversion();
            round.Property(r => r.ProjectIds).HasJsonConversion();
            round.Property(r => r.OpenedAt).HasConversion(Ticks);
            round.Property(r => r.ClosedAt).HasConversion(Ticks);
        });

        modelBuilder.Entity<FiscalYearRollover>(rollover =>
        {
            rollover.ToTable("fiscal_year_rollovers");
            // Once per fiscal year: a second rollover of the same year cannot be stored.
            rollover.HasKey(r => r.FiscalYear);
            rollover.Property(r => r.FiscalYear).ValueGeneratedNever();
            rollover.Property(r => r.RolledOverBy).HasMaxLength(200);
            rollover.Property(r => r.RolledOverAt).HasConversion(Ticks);
            rollover.Property(r => r.ClosedYearProjectIds).HasJsonConversion();
            rollover.Property(r => r.ContinuedProjectIds).HasJsonConversion();
            rollover.Property(r => r.AwaitingDecisionProjectIds).HasJsonConversion();
            rollover.Property(r => r.ClosedProjectIds).HasJsonConversion();
        });

        modelBuilder.Entity<SnapshotAnswer>(answer =>
        {
            answer.ToTable("project_snapshot_answers");
            // One answer per request, whatever is repeated.
            answer.HasKey(a => a.RequestId);
            answer.Property(a => a.RequestedBy).HasMaxLength(200);
            answer.Property(a => a.ReceivedAt).HasConversion(Ticks);
            answer.Property(a => a.CompletedAt).HasConversion(Ticks);
            answer.Property(a => a.Version).IsConcurrencyToken();
            answer.Ignore(a => a.StreamKey);
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
