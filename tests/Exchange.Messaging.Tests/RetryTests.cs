using Exchange.Messaging.Inbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Exchange.Messaging.Tests;

/// <summary>A retried attempt starts from a clean slate: nothing of the failed attempt survives.</summary>
public sealed class RetryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_consumer_that_fails_after_changing_state_applies_the_message_once_when_a_retry_succeeds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await LedgerHost.StartAsync(database, output, bus => bus.AddConsumer<FlakyAdjustmentConsumer>(),
            new Dictionary<string, string?> { ["Messaging:Transport"] = "InMemory" });
        var account = Guid.NewGuid();
        await host.WriteAsync((db, _) =>
        {
            db.Accounts.Add(new Account { Id = account, Name = "Ishikawa-Daegu", Balance = 100 });
            return Task.CompletedTask;
        });

        await host.Services.GetRequiredService<IBus>().Publish(new AccountAdjusted(account, 5, FailingAttempts: 2));

        await Eventually.True(() => host.ReadAsync(db => db.Set<InboxMessage>().AnyAsync()), "the message handled");
        Assert.Equal([0, 1, 2], host.Consumed.All.Select(c => c.RetryAttempt));
        Assert.Equal(105, await host.ReadAsync(async db => (await db.Accounts.SingleAsync()).Balance));
    }
}
