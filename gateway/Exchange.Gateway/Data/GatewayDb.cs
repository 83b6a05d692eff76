using Exchange.Gateway.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Exchange.Gateway.Data;

/// <summary>The gateway's own database: its API keys.</summary>
public sealed class GatewayDb(DbContextOptions<GatewayDb> options) : DbContext(options)
{
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(ApiKeyText.IdLength);
            key.Property(k => k.OrganisationId).HasMaxLength(64);
            key.Property(k => k.OrganisationName).HasMaxLength(200);
            key.Property(k => k.Role).HasConversion<string>().HasMaxLength(32);
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.CreatedBy).HasMaxLength(128);
            key.Property(k => k.RevokedBy).HasMaxLength(128);
            key.Property(k => k.RevocationReason).HasMaxLength(500);
            key.Property(k => k.Version).IsConcurrencyToken();
            // Ticks, so that SQLite compares and orders times as numbers.
            key.Property(k => k.CreatedAt).HasConversion(UtcTicks);
            key.Property(k => k.ExpiresAt).HasConversion(UtcTicks);
            key.Property(k => k.RotatedAt).HasConversion(UtcTicks);
            key.Property(k => k.RevokedAt).HasConversion(UtcTicks);
            key.Property(k => k.PreviousSecretValidUntil).HasConversion(UtcTicks);
            key.HasIndex(k => k.OrganisationId);
        });
    }
}
