using System.Text;
using Exchange.ServiceDefaults.Logging;
using Exchange.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The console logs of the gateway and the services, written in batches: the same text the console
/// logger writes, in order, nothing lost on a normal stop, and a bounded queue that says what it dropped.
/// </summary>
public sealed class ConsoleLogTests
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Fact]
    public void Lines_carry_the_console_loggers_format_with_category_scopes_and_level()
    {
        var output = new SharedOutput();
        using (var logs = Logs(output, new BatchedConsoleOptions { FlushInterval = Never }))
        {
            var logger = logs.CreateLogger("Exchange.Gateway.Access");
            using (logger.BeginScope("CorrelationId:{CorrelationId}", "c-42"))
            {
                logger.LogInformation("POST {Path} in {DurationMs} ms", "/exchange.projects.v1.Projects/GetProject", 1.5);
            }
            logger.LogWarning("no scope here");
            logger.LogDebug("below the level: not written");
        }

        var lines = output.Lines();
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: Exchange\.Gateway\.Access\[0\] => CorrelationId:c-42 POST /exchange\.projects\.v1\.Projects/GetProject in 1\.5 ms$", lines[0]);
        Assert.Matches(@"Z warn: Exchange\.Gateway\.Access\[0\] no scope here$", lines[1]);
    }

    [Fact]
    public void Nothing_is_written_before_the_interval_and_everything_in_order_on_a_normal_stop()
    {
        var output = new SharedOutput();
        var logs = Logs(output, new BatchedConsoleOptions { FlushInterval = Never });
        var logger = logs.CreateLogger("ledger");
        for (var i = 0; i < 1000; i++) logger.LogInformation("line {Index}", i);
        Assert.Empty(output.Lines());

        logs.Dispose();

        var lines = output.Lines();
        Assert.Equal(1000, lines.Length);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"line {i}"), lines.Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..]));
        Assert.Equal(1, output.Writes);
    }

    [Fact]
    public async Task Queued_lines_are_written_every_interval_without_a_stop()
    {
        var output = new SharedOutput();
        using var logs = Logs(output, new BatchedConsoleOptions { FlushInterval = TimeSpan.FromMilliseconds(50) });
        var logger = logs.CreateLogger("ledger");
        logger.LogInformation("first");
        logger.LogInformation("second");
        var lines = await Eventually.Poll(() => Task.FromResult(output.Lines()), written => written.Length == 2);
        Assert.EndsWith("second", lines[1]);
    }

    [Fact]
    public void Long_lines_such_as_stack_traces_are_written_whole_and_the_next_line_too()
    {
        var output = new SharedOutput();
        var failure = new InvalidOperationException(new string('x', 10_000));
        using (var logs = Logs(output, new BatchedConsoleOptions { FlushInterval = Never }))
        {
            var logger = logs.CreateLogger("ledger");
            logger.LogError(failure, "first failure");
            logger.LogError(failure, "second failure");
            logger.LogInformation("after them");
        }

        var lines = output.Lines();
        Assert.Equal(2, lines.Count(l => l.Contains(failure.Message, StringComparison.Ordinal)));
        Assert.EndsWith("after them", lines[^1]);
    }

    [Fact]
    public void Lines_beyond_the_queue_limit_are_dropped_and_counted()
    {
        var output = new SharedOutput();
        using (var logs = Logs(output, new BatchedConsoleOptions { FlushInterval = Never, MaxQueuedLines = 5 }))
        {
            var logger = logs.CreateLogger("ledger");
            for (var i = 0; i < 8; i++) logger.LogInformation("line {Index}", i);
        }

        var lines = output.Lines();
        Assert.Equal(6, lines.Length);
        Assert.EndsWith("line 4", lines[4]);
        Assert.Equal("3 log line(s) dropped: more than 5 were waiting for the console", lines[5]);
    }

    [Fact]
    public void The_console_logger_is_replaced_not_doubled()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().AddExchangeConsole(new ConfigurationBuilder().Build()));
        using var provider = services.BuildServiceProvider();
        var providers = provider.GetServices<ILoggerProvider>().ToList();
        Assert.Contains(providers, p => p is BatchedConsoleLoggerProvider);
        Assert.DoesNotContain(providers, p => p is ConsoleLoggerProvider);
    }

    [Fact]
    public void A_flush_interval_of_zero_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Logs(new SharedOutput(), new BatchedConsoleOptions { FlushInterval = TimeSpan.Zero }));
        Assert.Contains("FlushInterval", error.Message);
    }

    /// <summary>A logger factory with only the batched console, its formatter as the services configure it (without colours).</summary>
    private static TestLogs Logs(Stream output, BatchedConsoleOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        }));
        var formatters = services.BuildServiceProvider().GetServices<ConsoleFormatter>();
        var provider = new BatchedConsoleLoggerProvider(formatters.Single(f => f.Name == ConsoleFormatterNames.Simple), output, options);
        return new TestLogs(LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(provider)), provider);
    }

    /// <summary>The factory does not dispose a provider it was given; a host's container does, as this does.</summary>
    private sealed class TestLogs(ILoggerFactory factory, BatchedConsoleLoggerProvider provider) : IDisposable
    {
        public ILogger CreateLogger(string category) => factory.CreateLogger(category);

        public void Dispose()
        {
            factory.Dispose();
            provider.Dispose();
        }
    }

    /// <summary>Standard output stand-in that the writer and the test may use at the same time.</summary>
    private sealed class SharedOutput : Stream
    {
        private readonly MemoryStream _bytes = new();

        public int Writes { get; private set; }

        public string[] Lines()
        {
            lock (_bytes) return Encoding.UTF8.GetString(_bytes.ToArray()).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_bytes)
            {
                _bytes.Write(buffer);
                Writes++;
            }
        }

        public override void Flush()
        {
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
