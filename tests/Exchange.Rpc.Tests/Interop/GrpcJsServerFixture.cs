using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Exchange.Rpc.Tests.Interop;

/// <summary>
/// The interop service served by @grpc/grpc-js (tests/interop/grpcjs-server.js), running as a
/// Node process for the tests that need a real gRPC server.
/// </summary>
public sealed class GrpcJsServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>The port to listen on; 0 (the default) lets the system pick a free one.</summary>
    public int RequestedPort { get; init; }

    public int Port { get; private set; }

    public string Address => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        InteropScripts.AssertInstalled();
        var ready = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = InteropScripts.StartNode("grpcjs-server.js", [RequestedPort.ToString(CultureInfo.InvariantCulture)], out var commandLine);
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, ready);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, null);
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{commandLine} exited before it was ready:\n{Output}"));
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            Port = await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{commandLine} did not print 'ready <port>' within {StartTimeout.TotalSeconds} s:\n{Output}");
        }
    }

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private void OnLine(string? line, TaskCompletionSource<int>? ready)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ready is not null && line.StartsWith("ready ", StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            ready.TrySetResult(port);
    }

    public async Task DisposeAsync()
    {
        // Tests that stop the server themselves may dispose it twice.
        if (Interlocked.Exchange(ref _process, null) is not { } process) return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
