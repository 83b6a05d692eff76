using Spectre.Console;

namespace Exchange.Cli.Output;

/// <summary>
/// A progress bar on standard error for long imports and exports: redrawn in place on a terminal,
/// a few plain lines otherwise, and nothing with <c>--json</c>.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports each step done; <paramref name="total"/> null for a stream of unknown length.</summary>
    public static async Task<T> RunAsync<T>(CommandOutput output, string description, double? total, Func<Action<double, string?>, Task<T>> work)
    {
        if (output.Json) return await work((_, _) => { });
        if (!output.Console.IsInteractive) return await PlainAsync(output.Console.ErrorWriter, description, total, work);
        return await output.Console.Error.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(total is null
                ? [new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn()]
                : [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()])
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: total ?? 100);
                task.IsIndeterminate = total is null;
                var result = await work((step, note) =>
                {
                    task.Increment(step);
                    if (note is not null) task.Description = Markup.Escape($"{description} {note}");
                });
                if (total is null) task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    /// <summary>Without a terminal to redraw in: a line when it starts, one per quarter done (or per 100 pieces of a stream), one at the end.</summary>
    private static async Task<T> PlainAsync<T>(TextWriter writer, string description, double? total, Func<Action<double, string?>, Task<T>> work)
    {
        await writer.WriteLineAsync($"{description} ...");
        double done = 0;
        var reported = 0;
        string? last = null;
        var result = await work((step, note) =>
        {
            done += step;
            last = note ?? last;
            var mark = total is { } all && all > 0 ? (int)(done * 4 / all) : (int)(done / 100);
            if (mark <= reported) return;
            reported = mark;
            if (mark < 4 || total is null) writer.WriteLine(total is { } t ? $"{description}: {done:0} of {t:0}" : $"{description}: {last}");
        });
        await writer.WriteLineAsync(total is { } count ? $"{description}: {done:0} of {count:0} done" : $"{description}: done {last}");
        return result;
    }
}
