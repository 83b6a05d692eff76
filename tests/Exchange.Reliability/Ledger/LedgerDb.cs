using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Reliability.Ledger;

/// <summary>A service database shaped like a real one; the publisher uses its postings, the consumer its applied postings.</summary>
public sealed class LedgerDb(DbContextOptions<LedgerDb> options) : DbContext(options)
{
    public DbSet<Posting> Postings => Set<Posting>();

    public DbSet<AppliedPosting> Applied => Set<AppliedPosting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Posting>(entity =>
        {
            entity.ToTable("postings");
            entity.HasKey(p => p.Index).HasName("pk_postings");
            entity.Property(p => p.Index).HasColumnName("index").ValueGeneratedNever();
            entity.Property(p => p.Amount).HasColumnName("amount");
        });
        modelBuilder.Entity<AppliedPosting>(entity =>
        {
            entity.ToTable("applied_postings");
            entity.HasKey(p => p.Id).HasName("pk_applied_postings");
            entity.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
            entity.Property(p => p.Index).HasColumnName("index");
            entity.Property(p => p.MessageId).HasColumnName("message_id");
        });
    }
}
