namespace Exchange.Messaging.Persistence;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file per service.</summary>
    Sqlite,

    PostgreSql,
}
