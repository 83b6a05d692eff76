using Exchange.Rpc;

namespace Exchange.ServiceDefaults;

/// <summary>
/// Collects every invalid field of a request, so that the caller learns all of them at once;
/// <see cref="ThrowIfAny"/> answers INVALID_ARGUMENT naming each field.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Problem)> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string problem) => _errors.Add((field, problem));

    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required");
        else MaxLength(field, value, maxLength);
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"is {value.Length} characters long; at most {maxLength} are allowed");
    }

    public void Defined<TEnum>(string field, TEnum value) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) Add(field, $"has the unknown value {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}");
        else if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0) Add(field, "is required");
    }

    public void ThrowIfAny()
    {
        if (_errors.Count == 0) return;
        throw RpcException.InvalidArguments(_errors);
    }
}
