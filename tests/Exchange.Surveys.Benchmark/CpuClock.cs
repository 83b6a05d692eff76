using System.Runtime.InteropServices;

namespace Exchange.Surveys.Benchmark;

/// <summary>
/// CPU time of the calling thread (Linux: clock_gettime with CLOCK_THREAD_CPUTIME_ID, nanoseconds).
/// On a machine shared with other work, wall time counts the waits for a core; CPU time is what
/// the operation itself costs.
/// </summary>
internal static class CpuClock
{
    private const int ThreadCpuTime = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    public static TimeSpan ThreadNow() => Available && TryRead(out var time) ? time : TimeSpan.Zero;

    private static bool TryRead(out TimeSpan time)
    {
        time = TimeSpan.Zero;
        try
        {
            if (ClockGetTime(ThreadCpuTime, out var spec) != 0) return false;
            time = TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
