using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Exchange.Surveys.Analytics;
using Exchange.Surveys.Benchmark;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;

// The survey analytics at the scale of METI's cluster evaluation: 10,000 member companies answering
// 100 questions, in the structure the service uses (ResponseMatrix), against a naive LINQ baseline.
//   dotnet run -c Release --project tests/Exchange.Surveys.Benchmark [respondents]
var respondents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"Survey analytics benchmark: {respondents:N0} respondents x {SyntheticRound.SingleChoices + SyntheticRound.MultipleChoices + SyntheticRound.Scales} questions"));
Console.WriteLine(string.Create(inv, $"load average {LoadAverage()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}, {(IsRelease() ? "Release" : "Debug build: numbers are not meaningful")}"));

var round = new SyntheticRound(respondents);
var answerCount = round.Answers.Sum(a => a.Count);

// Laying out the responses from their stored JSON: what the service does once per selection (then cached).
var form = new QuestionnaireForm(round.Questionnaire);
var storedJson = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var stored = Enumerable.Range(0, respondents)
    .Select(r => (Answers: JsonSerializer.Serialize(round.Answers[r], storedJson), Attributes: JsonSerializer.Serialize(round.Attributes[r], storedJson)))
    .ToList();
ResponseMatrix matrix = null!;
var layout = Measure(5, () =>
{
    var builder = new ResponseMatrixBuilder([form], respondents);
    foreach (var (answers, attributes) in stored) builder.AddStored(answers, attributes);
    matrix = builder.Build();
});
Console.WriteLine(string.Create(inv, $"answers: {answerCount:N0} ({round.Answers.Sum(a => a.Sum(x => x.OptionIds?.Length ?? 1)):N0} chosen options); stored as JSON {stored.Sum(s => (long)s.Answers.Length) / 1e6:F1} MB"));
Console.WriteLine(string.Create(inv, $"matrix in memory: {matrix.Bytes / 1e6:F2} MB ({matrix.Bytes / (double)answerCount:F1} bytes per answer)"));

var multiple = matrix.Question("q050")!;
var single = matrix.Question("q001")!;
var otherSingle = matrix.Question("q002")!;
var sector = matrix.Attribute(RespondentAttributes.Sector)!;
var country = matrix.Attribute(RespondentAttributes.Country)!;

var crossTab = Measure(50, () => CrossTabulation.Tabulate(matrix, multiple, sector, null));
var crossTabCountry = Measure(50, () => CrossTabulation.Tabulate(matrix, single, country, null));
var everyQuestion = Measure(10, () =>
{
    foreach (var question in matrix.Questions) CrossTabulation.Tabulate(matrix, question, sector, null);
});
var twoWay = Measure(50, () => TwoWayTabulation.Tabulate(single, otherSingle, matrix.Count, null));
var filtered = Measure(20, () => CrossTabulation.Tabulate(matrix, multiple, sector, matrix.Select([(RespondentAttributes.Bureau, ["Kanto", "Kinki"])])));
var grading = Measure(5, () => ClusterGrading.Evaluate(matrix, null));
var csv = Measure(50, () => TableCsv.CrossTab(CrossTabulation.Tabulate(matrix, multiple, sector, null)));

var naive = new NaiveTables(round);
var naiveCrossTab = Measure(5, () => naive.CrossTab("q050"));
var naiveTwoWay = Measure(5, () => naive.TwoWay("q001", "q002"));

// The two ways must agree, or the comparison means nothing.
var table = CrossTabulation.Tabulate(matrix, multiple, sector, null);
var (naiveCounts, naiveBases) = naive.CrossTab("q050");
for (var j = 0; j < table.Columns; j++)
{
    if (naiveBases[sector.Values[j]] != table.ColumnRespondents[j]) throw new InvalidOperationException("the base of a column differs from the baseline");
    for (var i = 0; i < table.Rows; i++)
        if (naiveCounts.GetValueOrDefault((sector.Values[j], multiple.Categories[i].Value)) != table.Count(i, j)) throw new InvalidOperationException("a count differs from the baseline");
}
var test = TwoWayTabulation.Tabulate(single, otherSingle, matrix.Count, null).ChiSquare!;

Console.WriteLine("storing the round in a SQLite file as the service does ...");
var database = await DatabaseRound.MeasureAsync(round);

Console.WriteLine();
Console.WriteLine("| operation | median wall time | median CPU time | allocated per run |");
Console.WriteLine("|---|---:|---:|---:|");
Row("lay out the stored JSON of every response into columns", layout);
Row("cross-tab, multiple choice (10 options) by sector (11)", crossTab);
Row("cross-tab, single choice by country (multi-valued, 20)", crossTabCountry);
Row("cross-tab of all 100 questions by sector", everyQuestion);
Row("cross-tab with a filter (two bureaus)", filtered);
Row("cross-tab and its CSV", csv);
Row("two-way table 5 x 5 + chi-square", twoWay);
Row("cluster grades, 20 clusters x 6 areas", grading);
Row("naive LINQ cross-tab (baseline)", naiveCrossTab);
Row("naive LINQ two-way table (baseline)", naiveTwoWay);
Console.WriteLine(string.Create(inv, $"| from the database (SQLite, {database.FileBytes / 1e6:F0} MB): read the pages alone (text) | {Format(database.ReadOnly.Wall)} | {Format(database.ReadOnly.Cpu)} (process) | |"));
Console.WriteLine(string.Create(inv, $"| from the database: read, lay out, cross-tab (first table after a submission) | {Format(database.Cold.Wall)} | {Format(database.Cold.Cpu)} (process) | |"));
Console.WriteLine(string.Create(inv, $"| from the database: the next table (matrix cached) | {Format(database.Warm.Wall)} | {Format(database.Warm.Cpu)} (process) | |"));
Console.WriteLine();
Console.WriteLine(string.Create(inv, $"cross-tab: {naiveCrossTab.Median.TotalMilliseconds / crossTab.Median.TotalMilliseconds:F0}x faster than the baseline in wall time, {Ratio(naiveCrossTab, crossTab)} in CPU time; two-way table: {naiveTwoWay.Median.TotalMilliseconds / twoWay.Median.TotalMilliseconds:F0}x, {Ratio(naiveTwoWay, twoWay)}"));
Console.WriteLine(string.Create(inv, $"chi-square of q001 x q002: {test.Statistic:F3}, df {test.DegreesOfFreedom}, p {test.PValue:F4}"));
Console.WriteLine(string.Create(inv, $"baseline rows in memory: {naive.Rows.Count:N0} answer objects"));

void Row(string name, Measurement m) =>
    Console.WriteLine(string.Create(inv, $"| {name} | {Format(m.Median)} | {(CpuClock.Available ? Format(m.CpuMedian) : "n/a")} | {m.AllocatedBytes / 1024.0:N0} KB |"));

static string Ratio(Measurement slow, Measurement fast) =>
    CpuClock.Available && fast.CpuMedian > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $"{slow.CpuMedian / fast.CpuMedian:F0}x") : "n/a";

static string Format(TimeSpan time) => time.TotalMilliseconds >= 1
    ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:F1} ms")
    : string.Create(CultureInfo.InvariantCulture, $"{time.TotalMicroseconds:F0} us");

static Measurement Measure(int runs, Action action)
{
    action();
    var times = new List<TimeSpan>(runs);
    var cpu = new List<TimeSpan>(runs);
    long allocated = 0;
    for (var i = 0; i < runs; i++)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = CpuClock.ThreadNow();
        var started = Stopwatch.GetTimestamp();
        action();
        times.Add(Stopwatch.GetElapsedTime(started));
        cpu.Add(CpuClock.ThreadNow() - cpuBefore);
        allocated += GC.GetAllocatedBytesForCurrentThread() - before;
    }
    times.Sort();
    cpu.Sort();
    return new Measurement(times[runs / 2], cpu[runs / 2], allocated / runs);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static bool IsRelease() =>
    typeof(ResponseMatrix).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

internal readonly record struct Measurement(TimeSpan Median, TimeSpan CpuMedian, long AllocatedBytes);
