using Microsoft.EntityFrameworkCore.Migrations;
using static Exchange.Messaging.Persistence.MessagingTables;

namespace Exchange.Messaging.Persistence;

public static class MessagingMigrationBuilderExtensions
{
    /// <summary>
    /// Creates the tables mapped by <see cref="MessagingModelBuilderExtensions.AddOutboxAndInbox"/>. Call it
    /// from a service's first migration. Column types are left to the provider (from the CLR type), so
    /// the same migration runs on SQLite and PostgreSQL.
    /// </summary>
    public static MigrationBuilder CreateOutboxAndInboxTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: OutboxTable,
            columns: table => new
            {
                Id = table.Column<Guid>(name: OutboxColumns.Id, nullable: false),
                StreamKey = table.Column<string>(name: OutboxColumns.StreamKey, maxLength: StreamKeyLength, nullable: false),
                Sequence = table.Column<long>(name: OutboxColumns.Sequence, nullable: false),
                MessageType = table.Column<string>(name: OutboxColumns.MessageType, maxLength: TypeNameLength, nullable: false),
                Body = table.Column<string>(name: OutboxColumns.Body, nullable: false),
                Headers = table.Column<string>(name: OutboxColumns.Headers, nullable: false),
                CorrelationId = table.Column<string>(name: OutboxColumns.CorrelationId, maxLength: CorrelationIdLength, nullable: true),
                CreatedAt = table.Column<DateTime>(name: OutboxColumns.CreatedAt, nullable: false),
                DispatchedAt = table.Column<DateTime>(name: OutboxColumns.DispatchedAt, nullable: true),
                Attempts = table.Column<int>(name: OutboxColumns.Attempts, nullable: false),
                NextAttemptAt = table.Column<DateTime>(name: OutboxColumns.NextAttemptAt, nullable: true),
                LastError = table.Column<string>(name: OutboxColumns.LastError, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_" + OutboxTable, x => x.Id));

        migrationBuilder.CreateIndex(
            name: "ux_" + OutboxTable + "_stream",
            table: OutboxTable,
            columns: [OutboxColumns.StreamKey, OutboxColumns.Sequence],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_" + OutboxTable + "_undispatched",
            table: OutboxTable,
            column: OutboxColumns.CreatedAt,
            filter: Undispatched);

        migrationBuilder.CreateTable(
            name: LeaseTable,
            columns: table => new
            {
                Name = table.Column<string>(name: LeaseColumns.Name, maxLength: LeaseNameLength, nullable: false),
                Owner = table.Column<string>(name: LeaseColumns.Owner, maxLength: LeaseOwnerLength, nullable: false),
                ExpiresAt = table.Column<DateTime>(name: LeaseColumns.ExpiresAt, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_" + LeaseTable, x => x.Name));

        migrationBuilder.CreateTable(
            name: InboxTable,
            columns: table => new
            {
                Consumer = table.Column<string>(name: InboxColumns.Consumer, maxLength: ConsumerLength, nullable: false),
                MessageId = table.Column<Guid>(name: InboxColumns.MessageId, nullable: false),
                MessageType = table.Column<string>(name: InboxColumns.MessageType, maxLength: TypeNameLength, nullable: false),
                ProcessedAt = table.Column<DateTime>(name: InboxColumns.ProcessedAt, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_" + InboxTable, x => new { x.Consumer, x.MessageId }));

        return migrationBuilder;
    }

    /// <summary>Creates the table mapped by <see cref="MessagingModelBuilderExtensions.AddCatchUpRequests"/>, in a migration of its own.</summary>
    public static MigrationBuilder CreateCatchUpRequestsTable(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: CatchUpTable,
            columns: table => new
            {
                Name = table.Column<string>(name: CatchUpColumns.Name, maxLength: CatchUpNameLength, nullable: false),
                RequestId = table.Column<Guid>(name: CatchUpColumns.RequestId, nullable: false),
                Resync = table.Column<string>(name: CatchUpColumns.Resync, maxLength: ResyncLength, nullable: false),
                Attempts = table.Column<int>(name: CatchUpColumns.Attempts, nullable: false),
                FirstRequestedAt = table.Column<DateTime>(name: CatchUpColumns.FirstRequestedAt, nullable: false),
                LastRequestedAt = table.Column<DateTime>(name: CatchUpColumns.LastRequestedAt, nullable: false),
                AnsweredAt = table.Column<DateTime>(name: CatchUpColumns.AnsweredAt, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_" + CatchUpTable, x => x.Name));
        return migrationBuilder;
    }
}
