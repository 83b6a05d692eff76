using System.Globalization;

namespace Exchange.Reliability.Infrastructure;

/// <summary>
/// One row of the reliability table. <see cref="Duplicated"/> counts copies that reached a consumer
/// and were absorbed (no second effect); <see cref="Unexpected"/> counts effects no sent message
/// explains, second effects of one message, and errors of a kind the scenario does not allow.
/// </summary>
public sealed record ScenarioResult(string Scenario, long Sent, long Received, long Lost, long Duplicated, long Unexpected, TimeSpan Time, string Notes = "")
{
    public const string Header = "| scenario | sent | received | lost | duplicated (absorbed) | unexpected | time | notes |\n|---|---:|---:|---:|---:|---:|---:|---|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Scenario} | {Sent:N0} | {Received:N0} | {Lost:N0} | {Duplicated:N0} | {Unexpected:N0} | {Time.TotalSeconds:0.0} s | {Notes} |");
}
