using Exchange.Messaging.Inbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Exchange.Messaging.Tests;

/// <summary>Batch consumers on a real RabbitMQ: one transaction per batch, still one effect per message id.</summary>
[Collection(BrokerCollection.Name)]
public sealed class BatchConsumerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Messages_taken_together_are_applied_once_each_copies_included(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await StartAsync(database);
        var account = await OpenAccountAsync(host);
        var bus = host.Services.GetRequiredService<IBus>();

        // 40 credits of 1..40, and a copy (same message id) of every fifth one.
        var ids = Enumerable.Range(1, 40).Select(_ => Guid.NewGuid()).ToArray();
        var sends = new List<Task>();
        for (var i = 0; i < ids.Length; i++)
        {
            var (id, amount) = (ids[i], i + 1);
            sends.Add(bus.Publish(new AccountCredited(account, amount, i), c => c.MessageId = id));
            if (i % 5 == 0) sends.Add(bus.Publish(new AccountCredited(account, amount, i), c => c.MessageId = id));
        }
        await Task.WhenAll(sends);

        await Eventually.True(() => host.ReadAsync(async db => await db.Set<InboxMessage>().CountAsync() == ids.Length), "every credit in the inbox");
        Assert.Equal(Enumerable.Range(1, 40).Sum(), await BalanceAsync(host, account));
        var sizes = host.Services.GetRequiredService<CreditAccountsBatchConsumer.Batches>().Sizes.ToArray();
        Assert.Equal(ids.Length, sizes.Sum());
        // Taken together, not one by one.
        Assert.True(sizes.Length < ids.Length, $"{sizes.Length} batches for {ids.Length} messages");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_message_that_fails_does_not_hold_back_the_others_of_its_batch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await StartAsync(database);
        var account = await OpenAccountAsync(host);
        var bus = host.Services.GetRequiredService<IBus>();

        var poison = Guid.NewGuid();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i == 4
            ? bus.Publish(new AccountCredited(account, -1, i), c => c.MessageId = poison)
            : bus.Publish(new AccountCredited(account, 10, i))));

        // The first attempt and the configured three retries; the others were handled on the first
        // attempt, each alone once the batch had failed, and never again.
        await Eventually.True(() => Task.FromResult(host.Consumed.All.Count(c => c.MessageId == poison) >= 4), "the refused message tried as often as configured");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(90, await BalanceAsync(host, account));
        var inbox = await host.ReadAsync(db => db.Set<InboxMessage>().Select(m => m.MessageId).ToListAsync());
        Assert.Equal(9, inbox.Count);
        Assert.DoesNotContain(poison, inbox);
    }

    private Task<LedgerHost> StartAsync(TestDatabase database) =>
        LedgerHost.StartAsync(database, output, bus =>
        {
            bus.AddBatchConsumer<CreditAccountsBatchConsumer>(messageLimit: 100, timeLimit: TimeSpan.FromMilliseconds(200))
                .Endpoint(e => e.Temporary = true);
        }, configureServices: services => services.AddSingleton<CreditAccountsBatchConsumer.Batches>());

    private static async Task<Guid> OpenAccountAsync(LedgerHost host)
    {
        var account = Guid.NewGuid();
        await host.WriteAsync((db, _) =>
        {
            db.Accounts.Add(new Account { Id = account, Name = "Hamamatsu-Jena" });
            return Task.CompletedTask;
        });
        return account;
    }

    private static Task<long> BalanceAsync(LedgerHost host, Guid account) =>
        host.ReadAsync(async db => (await db.Accounts.SingleAsync(a => a.Id == account)).Balance);
}
