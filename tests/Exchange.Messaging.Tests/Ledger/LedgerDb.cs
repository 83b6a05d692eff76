using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Tests.Ledger;

/// <summary>A small service database shaped like a real service's: its own table plus outbox and inbox.</summary>
public sealed class LedgerDb(DbContextOptions<LedgerDb> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Account>(entity =>
        {
            entity.ToTable("accounts");
            entity.HasKey(a => a.Id).HasName("pk_accounts");
            entity.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
            entity.Property(a => a.Name).HasColumnName("name").HasMaxLength(100);
            entity.Property(a => a.Balance).HasColumnName("balance");
            entity.Property(a => a.Note).HasColumnName("note").HasMaxLength(200);
        });
    }
}
