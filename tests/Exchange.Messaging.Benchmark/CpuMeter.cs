using System.Diagnostics;
using System.Globalization;

namespace Exchange.Messaging.Benchmark;

/// <summary>
/// CPU time so far of this process (writers, dispatcher and consumer together), of the broker (every
/// <c>beam.smp</c> process) and of PostgreSQL (every <c>postgres</c> process), and the machine's busy
/// and total time, read from <c>/proc</c>. Where <c>/proc</c> is missing only this process is read.
/// A PostgreSQL backend that exits between two readings takes its time with it; the benchmark's
/// connection pools keep theirs open for the whole of a load.
/// </summary>
public readonly record struct CpuMeter(TimeSpan Service, TimeSpan Broker, TimeSpan Database, TimeSpan MachineBusy, TimeSpan MachineTotal)
{
    /// <summary>USER_HZ, the unit of /proc's times: 100 on Linux whatever the kernel's own tick.</summary>
    private const double TicksPerSecond = 100;

    public static CpuMeter Now
    {
        get
        {
            var service = Process.GetCurrentProcess().TotalProcessorTime;
            if (!Directory.Exists("/proc/self")) return new CpuMeter(service, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
            double broker = 0, database = 0;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                var name = Path.GetFileName(directory);
                if (name.Length == 0 || !char.IsAsciiDigit(name[0])) continue;
                if (ProcessTicks(directory) is not ({ } command, var ticks)) continue;
                if (command.StartsWith("beam", StringComparison.Ordinal)) broker += ticks;
                else if (command == "postgres") database += ticks;
            }
            var (busy, total) = MachineTicks();
            return new CpuMeter(service, Seconds(broker), Seconds(database), Seconds(busy), Seconds(total));
        }
    }

    /// <summary>CPU per event since <paramref name="before"/>, in ms, for each part, and how busy the machine was.</summary>
    public CpuUse Since(CpuMeter before, int events) => new(
        (Service - before.Service).TotalMilliseconds / events,
        (Broker - before.Broker).TotalMilliseconds / events,
        (Database - before.Database).TotalMilliseconds / events,
        MachineTotal == before.MachineTotal ? double.NaN : (MachineBusy - before.MachineBusy) / (MachineTotal - before.MachineTotal));

    private static TimeSpan Seconds(double ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    /// <summary>The command name and user plus system ticks of one process, or null once it is gone.</summary>
    private static (string Command, double Ticks)? ProcessTicks(string directory)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(Path.Combine(directory, "stat"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (comm) state ppid ...": comm may hold spaces, so split after its closing parenthesis.
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open) return null;
        var fields = stat[(close + 2)..].Split(' ');
        // After comm: state is field 3 of stat(5), utime 14 and stime 15.
        return (stat[(open + 1)..close], double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    /// <summary>The first line of /proc/stat: busy ticks (all but idle and iowait) and all ticks.</summary>
    private static (double Busy, double Total) MachineTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal ...: guest time is already in user.
        var total = fields.Take(8).Sum();
        return (total - fields[3] - fields[4], total);
    }
}

/// <summary>
/// CPU per event in ms: this process, the broker, PostgreSQL, and their sum; and the share of the
/// machine's cores that were busy (1 = all of them, whoever used them).
/// </summary>
public readonly record struct CpuUse(double Service, double Broker, double Database, double MachineBusy)
{
    public static CpuUse None => new(double.NaN, double.NaN, double.NaN, double.NaN);

    public double Total => Service + Broker + Database;
}
