using System.Diagnostics;

namespace Exchange.Messaging.Benchmark;

/// <summary>CPU time of this process (producer, dispatcher and consumer together); the broker's and PostgreSQL's are not in it.</summary>
public static class ProcessCpu
{
    public static TimeSpan Now => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>CPU per event since <paramref name="since"/> (a <see cref="Now"/> reading), in ms.</summary>
    public static double MsPerEvent(TimeSpan since, int events) => (Now - since).TotalMilliseconds / events;
}
