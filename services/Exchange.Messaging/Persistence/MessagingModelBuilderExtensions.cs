using Exchange.Messaging.CatchUp;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using static Exchange.Messaging.Persistence.MessagingTables;

namespace Exchange.Messaging.Persistence;

public static class MessagingModelBuilderExtensions
{
    /// <summary>
    /// Maps the outbox, outbox lease and inbox tables into a service's DbContext. Call from
    /// <c>OnModelCreating</c>; create the tables with <see cref="MessagingMigrationBuilderExtensions.CreateOutboxAndInboxTables"/>.
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(entity =>
        {
            entity.ToTable(OutboxTable);
            entity.HasKey(m => m.Id).HasName("pk_" + OutboxTable);
            entity.Property(m => m.Id).HasColumnName(OutboxColumns.Id).ValueGeneratedNever();
            entity.Property(m => m.StreamKey).HasColumnName(OutboxColumns.StreamKey).HasMaxLength(StreamKeyLength);
            entity.Property(m => m.Sequence).HasColumnName(OutboxColumns.Sequence);
            entity.Property(m => m.MessageType).HasColumnName(OutboxColumns.MessageType).HasMaxLength(TypeNameLength);
            entity.Property(m => m.Body).HasColumnName(OutboxColumns.Body);
            entity.Property(m => m.Headers).HasColumnName(OutboxColumns.Headers);
            entity.Property(m => m.CorrelationId).HasColumnName(OutboxColumns.CorrelationId).HasMaxLength(CorrelationIdLength);
            entity.Property(m => m.CreatedAt).HasColumnName(OutboxColumns.CreatedAt);
            entity.Property(m => m.DispatchedAt).HasColumnName(OutboxColumns.DispatchedAt);
            entity.Property(m => m.Attempts).HasColumnName(OutboxColumns.Attempts);
            entity.Property(m => m.NextAttemptAt).HasColumnName(OutboxColumns.NextAttemptAt);
            entity.Property(m => m.LastError).HasColumnName(OutboxColumns.LastError);
            entity.HasIndex(m => new { m.StreamKey, m.Sequence }).IsUnique().HasDatabaseName("ux_" + OutboxTable + "_stream");
            entity.HasIndex(m => m.CreatedAt).HasFilter(Undispatched).HasDatabaseName("ix_" + OutboxTable + "_undispatched");
        });

        modelBuilder.Entity<OutboxLease>(entity =>
        {
            entity.ToTable(LeaseTable);
            entity.HasKey(l => l.Name).HasName("pk_" + LeaseTable);
            entity.Property(l => l.Name).HasColumnName(LeaseColumns.Name).HasMaxLength(LeaseNameLength);
            entity.Property(l => l.Owner).HasColumnName(LeaseColumns.Owner).HasMaxLength(LeaseOwnerLength);
            entity.Property(l => l.ExpiresAt).HasColumnName(LeaseColumns.ExpiresAt);
        });

        modelBuilder.Entity<InboxMessage>(entity =>
        {
            entity.ToTable(InboxTable);
            entity.HasKey(m => new { m.Consumer, m.MessageId }).HasName("pk_" + InboxTable);
            entity.Property(m => m.Consumer).HasColumnName(InboxColumns.Consumer).HasMaxLength(ConsumerLength);
            entity.Property(m => m.MessageId).HasColumnName(InboxColumns.MessageId);
            entity.Property(m => m.MessageType).HasColumnName(InboxColumns.MessageType).HasMaxLength(TypeNameLength);
            entity.Property(m => m.ProcessedAt).HasColumnName(InboxColumns.ProcessedAt);
        });

        return modelBuilder;
    }

    /// <summary>
    /// Maps the table of <see cref="CatchUpRequest"/>s, for a service that asks another for its current
    /// state (<c>AddCatchUp</c>); create it with <see cref="MessagingMigrationBuilderExtensions.CreateCatchUpRequestsTable"/>.
    /// </summary>
    public static ModelBuilder AddCatchUpRequests(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CatchUpRequest>(entity =>
        {
            entity.ToTable(CatchUpTable);
            entity.HasKey(r => r.Name).HasName("pk_" + CatchUpTable);
            entity.Property(r => r.Name).HasColumnName(CatchUpColumns.Name).HasMaxLength(CatchUpNameLength);
            entity.Property(r => r.RequestId).HasColumnName(CatchUpColumns.RequestId);
            entity.Property(r => r.Resync).HasColumnName(CatchUpColumns.Resync).HasMaxLength(ResyncLength);
            entity.Property(r => r.Attempts).HasColumnName(CatchUpColumns.Attempts);
            entity.Property(r => r.FirstRequestedAt).HasColumnName(CatchUpColumns.FirstRequestedAt);
            entity.Property(r => r.LastRequestedAt).HasColumnName(CatchUpColumns.LastRequestedAt);
            entity.Property(r => r.AnsweredAt).HasColumnName(CatchUpColumns.AnsweredAt);
        });
        return modelBuilder;
    }
}
