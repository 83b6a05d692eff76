using Exchange.Claims.Model;

namespace Exchange.Claims.Checks;

/// <summary>
/// A content rule of claims. Unlike a <see cref="BusinessRule"/>, which stops a change at the first
/// broken rule, a claim rule reports every place it is broken, so that a save can list them all.
/// </summary>
public abstract class ClaimRule
{
    public abstract string Name { get; }

    public abstract IEnumerable<ViolationValue> Find(ClaimUnderCheck claim);

    protected ViolationValue AtLine(LineUnderCheck line, string field, string problem) =>
        new(Name, line.Line.Id, line.Field(field), $"{Name}: {line.Label}: {problem}");

    protected ViolationValue OnClaim(string field, string problem) => new(Name, "", field, $"{Name}: {problem}");
}
