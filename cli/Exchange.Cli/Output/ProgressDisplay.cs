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
}
