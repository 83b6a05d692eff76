using Exchange.Messaging.Persistence;
using Exchange.Missions.Model;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Missions.Data;

/// <summary>
/// The Missions service's own database: activities, the organisations taking part, the read model
/// of projects, outbox and inbox.
/// </summary>
public sealed class MissionsDb(DbContextOptions<MissionsDb> options) : DbContext(options)
{
    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<RegisteredOrganisation> Organisations => Set<RegisteredOrganisation>();

    public DbSet<ProjectSnapshot> Projects => Set<ProjectSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Activity>(activity =>
        {
            activity.ToTable("activities");
            activity.HasKey(a => a.Id);
            activity.Property(a => a.RequestId).HasMaxLength(100);
            activity.Property(a => a.PlannedBy).HasMaxLength(64);
            activity.HasIndex(a => new { a.PlannedBy, a.RequestId }).IsUnique();
            activity.HasIndex(a => new { a.ProjectId, a.FiscalYear });
            activity.HasIndex(a => a.FiscalYear);
            activity.Property(a => a.Title).HasMaxLength(200);
            activity.Property(a => a.Purpose).HasMaxLength(2000);
            activity.Property(a => a.StatusReason).HasMaxLength(2000);
            activity.Property(a => a.Version).IsConcurrencyToken();
            activity.Property(a => a.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            activity.Property(a => a.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            activity.Property(a => a.Places).HasJsonConversion();
            activity.Property(a => a.Roster).HasJsonConversion();
            activity.Property(a => a.Meetings).HasJsonConversion();
            activity.Property(a => a.Outcomes).HasJsonConversion();
            activity.Property(a => a.History).HasJsonConversion();
            activity.Ignore(a => a.FundedPersons);
            activity.Ignore(a => a.PrivateExpensePersons);
        });

        modelBuilder.Entity<RegisteredOrganisation>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.HasKey(o => o.Id);
            organisation.Property(o => o.Id).HasMaxLength(64);
            organisation.Property(o => o.Name).HasMaxLength(120);
            organisation.Property(o => o.Country).HasMaxLength(2);
            organisation.Property(o => o.SearchText).HasMaxLength(200);
            organisation.Property(o => o.RegisteredBy).HasMaxLength(64);
            organisation.Property(o => o.RegisteredAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });

        modelBuilder.Entity<ProjectSnapshot>(project =>
        {
            project.ToTable("projects_read_model");
            project.HasKey(p => p.ProjectId);
            project.Property(p => p.Title).HasMaxLength(200);
            // The version guards the row: of two writers that read the same version, one wins and
            // the other retries (a consumer) or gives way (a refresh from the Projects service).
            project.Property(p => p.Version).IsConcurrencyToken();
            project.Property(p => p.DomesticBodyId).HasMaxLength(64);
            project.Property(p => p.OverseasBodyIds).HasJsonConversion();
            project.Property(p => p.SupportedFiscalYears).HasJsonConversion();
            project.Property(p => p.Source).HasMaxLength(32);
            project.Property(p => p.ReceivedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });

        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddCatchUpRequests();
    }
}
