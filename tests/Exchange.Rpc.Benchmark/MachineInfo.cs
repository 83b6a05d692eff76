using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Exchange.Rpc.Benchmark;

/// <summary>What the figures were measured on; the load average shows how shared the machine was.</summary>
public sealed record MachineInfo(int Cores, string Processor, string Runtime, string Node, string H2Load, string LoadAverageBefore, string LoadAverageAfter)
{
    public static MachineInfo Capture() => new(
        Environment.ProcessorCount,
        ProcessorName(),
        RuntimeInformation.FrameworkDescription,
        CommandVersion("node", "--version"),
        CommandVersion("h2load", "--version"),
        LoadAverage(),
        "");

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string ProcessorName()
    {
        if (!File.Exists("/proc/cpuinfo")) return RuntimeInformation.ProcessArchitecture.ToString();
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string CommandVersion(string command, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, argument) { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null) return "n/a";
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output.Split('\n')[0];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
