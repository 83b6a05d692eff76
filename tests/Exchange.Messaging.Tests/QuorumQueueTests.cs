using Exchange.Messaging.Persistence;
using Exchange.Messaging.Tests.Infrastructure;
using Exchange.Messaging.Tests.Ledger;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Exchange.Messaging.Tests;

/// <summary>
/// <c>Messaging:QuorumQueues</c> on a real RabbitMQ: with it, a service's consumer queue and the
/// error queue beside it are declared as quorum queues (replicated in a cluster); without it they
/// stay classic. The broker is asked, not MassTransit.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class QuorumQueueTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_setting_decides_whether_consumer_and_error_queues_are_quorum_queues(bool quorumQueues)
    {
        var serviceName = LedgerHost.NewServiceName();
        var queue = serviceName + "-alarm";
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        try
        {
            await using (var host = await LedgerHost.StartAsync(database, output, bus => bus.AddConsumer<AlarmConsumer>(),
                settings: new Dictionary<string, string?> { ["Messaging:QuorumQueues"] = quorumQueues.ToString() },
                serviceName: serviceName, withOutbox: false))
            {
                // A rejected message goes straight to the error queue, which MassTransit declares on first use.
                var alarm = Guid.NewGuid();
                await host.Services.GetRequiredService<IBus>().Publish(new LedgerAlarmRaised(alarm, Rejected: true), c => c.MessageId = alarm);
                await Eventually.True(async () => await BrokerQueues.IsQuorumQueueAsync(queue + "_error") is not null, "the error queue declared");
                Assert.Contains(host.Consumed.All, c => c.Message is LedgerAlarmRaised raised && raised.AlarmId == alarm);
            }

            Assert.Equal(quorumQueues, await BrokerQueues.IsQuorumQueueAsync(queue));
            Assert.Equal(quorumQueues, await BrokerQueues.IsQuorumQueueAsync(queue + "_error"));
        }
        finally
        {
            await BrokerQueues.DeleteEndpointAsync(queue);
        }
    }
}
