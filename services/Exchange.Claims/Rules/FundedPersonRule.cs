using Exchange.Claims.Checks;
using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>
/// The programme pays for the people funded on the activity's roster, not for those who took
/// part at private expense (a mission of 10 funded people may travel with 24).
/// </summary>
public sealed class FundedPersonRule : ClaimRule
{
    public override string Name => "funded-person";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        foreach (var line in claim.Lines.Where(l => l.Line.PersonKey.Length > 0 && !claim.Roster.ContainsKey(l.Line.PersonKey)))
        {
            var funded = claim.Roster.Count == 0 ? "nobody" : string.Join(", ", claim.Roster.Keys);
            yield return AtLine(line, "person_key", $"'{line.Line.PersonKey}' was not on the activity's funded roster (funded: {funded})");
        }
    }
}
