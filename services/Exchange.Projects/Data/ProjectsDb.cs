using Exchange.Messaging.Persistence;
using Exchange.Projects.Model;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Projects.Data;

/// <summary>The Projects service's own database: projects, adoption rules, outbox and inbox.</summary>
public sealed class ProjectsDb(DbContextOptions<ProjectsDb> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<AdoptionRuleSet> AdoptionRules => Set<AdoptionRuleSet>();

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

        modelBuilder.AddOutboxAndInbox();
    }
}
