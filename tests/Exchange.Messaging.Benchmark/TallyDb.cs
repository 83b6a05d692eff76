using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Benchmark;

/// <summary>A service database shaped like a real one: its own table plus the outbox and the inbox.</summary>
public sealed class TallyDb(DbContextOptions<TallyDb> options) : DbContext(options)
{
    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Tally>(entity =>
        {
            entity.ToTable("tallies");
            entity.HasKey(t => t.Stream).HasName("pk_tallies");
            entity.Property(t => t.Stream).HasColumnName("stream").ValueGeneratedNever();
            entity.Property(t => t.Total).HasColumnName("total");
        });
    }
}
