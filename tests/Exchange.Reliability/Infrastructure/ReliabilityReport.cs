using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace Exchange.Reliability.Infrastructure;

/// <summary>The rows of one run, written as a table to <c>.state/reliability/report.md</c> when the suite ends (run.sh prints it).</summary>
public sealed class ReliabilityReport
{
    private readonly ConcurrentQueue<ScenarioResult> _rows = new();

    public void Add(ScenarioResult result, ITestOutputHelper output)
    {
        _rows.Enqueue(result);
        output.WriteLine(ScenarioResult.Header);
        output.WriteLine(result.Row());
    }

    public void Write()
    {
        if (_rows.IsEmpty) return;
        Directory.CreateDirectory(Repository.StateDirectory);
        var lines = new List<string>
        {
            $"Reliability suite, {SuiteSize.Current.Name} size, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores",
            "",
            ScenarioResult.Header,
        };
        lines.AddRange(_rows.Select(r => r.Row()));
        File.WriteAllLines(Path.Combine(Repository.StateDirectory, "report.md"), lines);
    }
}
