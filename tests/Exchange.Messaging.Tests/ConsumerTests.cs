using Exchange.Messaging.Inbox;
using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Exchange.Messaging.Tests;

/// <summary>Consumers on a real RabbitMQ: one effect per message id, bounded retries, the error queue.</summary>
[Collection(BrokerCollection.Name)]
public sealed class ConsumerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_message_delivered_twice_has_one_effect(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await LedgerHost.StartAsync(database, output, bus =>
            bus.AddConsumer<CreditAccountConsumer>().Endpoint(e =>
            {
                e.Temporary = true;
                e.ConcurrentMessageLimit = 1;
            }));
        var account = Guid.NewGuid();
        await host.WriteAsync((db, _) =>
        {
            db.Accounts.Add(new Account { Id = account, Name = "Kitakyushu-Hanoi" });
            return Task.CompletedTask;
        });
        var bus = host.Services.GetRequiredService<IBus>();
        var (duplicated, last) = (Guid.NewGuid(), Guid.NewGuid());

        await bus.Publish(new AccountCredited(account, 10, 0), c => c.MessageId = duplicated);
        await bus.Publish(new AccountCredited(account, 10, 0), c => c.MessageId = duplicated);
        await bus.Publish(new AccountCredited(account, 1, 1), c => c.MessageId = last);

        // One at a time and in order: once the last message is in the inbox, the copy was handled too.
        await Eventually.True(() => host.ReadAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == last)), "the last message handled");
        Assert.Equal(11, await host.ReadAsync(async db => (await db.Accounts.SingleAsync()).Balance));
        // The copy was acknowledged without reaching the handler.
        Assert.Equal(2, host.Consumed.All.Count(c => c.Message is AccountCredited credit && credit.AccountId == account));
        var inbox = await host.ReadAsync(db => db.Set<InboxMessage>().ToListAsync());
        Assert.Equal(2, inbox.Count);
        Assert.All(inbox, m => Assert.Equal(typeof(CreditAccountConsumer).FullName, m.Consumer));
    }

    [Fact]
    public async Task A_consumer_that_keeps_failing_is_retried_a_bounded_number_of_times_then_the_message_goes_to_the_error_queue()
    {
        var serviceName = LedgerHost.NewServiceName();
        var queue = serviceName + "-alarm";
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        try
        {
            await using var host = await LedgerHost.StartAsync(database, output, bus => bus.AddConsumer<AlarmConsumer>(), serviceName: serviceName, withOutbox: false);
            var (transient, rejected) = (Guid.NewGuid(), Guid.NewGuid());
            var bus = host.Services.GetRequiredService<IBus>();
            await bus.Publish(new LedgerAlarmRaised(transient, Rejected: false), c => c.MessageId = transient);
            await bus.Publish(new LedgerAlarmRaised(rejected, Rejected: true), c => c.MessageId = rejected);

            var inErrorQueue = new Dictionary<string, int>();
            await Eventually.True(async () =>
            {
                while (await BrokerQueues.TryGetAsync(queue + "_error") is { } message)
                {
                    inErrorQueue[message.BasicProperties.MessageId!] = inErrorQueue.GetValueOrDefault(message.BasicProperties.MessageId!) + 1;
                }
                return inErrorQueue.Count == 2;
            }, "both messages in the error queue");

            Assert.Equal(1, inErrorQueue[transient.ToString()]);
            Assert.Equal(1, inErrorQueue[rejected.ToString()]);
            // The configured three retries after the first attempt; a rejected message gets none.
            Assert.Equal([0, 1, 2, 3], AttemptsOf(host, transient));
            Assert.Equal([0], AttemptsOf(host, rejected));
        }
        finally
        {
            await BrokerQueues.DeleteEndpointAsync(queue);
        }
    }

    private static int[] AttemptsOf(LedgerHost host, Guid alarm) =>
        host.Consumed.All.Where(c => c.Message is LedgerAlarmRaised raised && raised.AlarmId == alarm).Select(c => c.RetryAttempt).ToArray();
}
