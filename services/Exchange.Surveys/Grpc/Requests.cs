using Exchange.Common.V1;
using Exchange.Rpc;

namespace Exchange.Surveys.Grpc;

/// <summary>Checks of request fields shared by the RPCs.</summary>
internal static class Requests
{
    public static Guid Id(string field, string value, string what)
    {
        if (string.IsNullOrEmpty(value)) throw RpcException.InvalidArgument(field, "is required");
        if (!Guid.TryParse(value, out var id)) throw RpcException.InvalidArgument(field, $"'{value}' is not the id of {what}");
        return id;
    }

    public static Guid? Id(FieldErrors errors, string field, string value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "is required");
            return null;
        }
        if (Guid.TryParse(value, out var id)) return id;
        errors.Add(field, $"'{value}' is not the id of {what}");
        return null;
    }

    public static DateOnly? Date(FieldErrors errors, string field, Date? date)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0)) return null;
        try
        {
            return new DateOnly(date.Year, date.Month, date.Day);
        }
        catch (ArgumentOutOfRangeException)
        {
            errors.Add(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar date");
            return null;
        }
    }

    public static void FiscalYear(FieldErrors errors, string field, int year, bool required)
    {
        if (year == 0 && !required) return;
        if (year < 1990 || year > 2100) errors.Add(field, $"{year} is not a fiscal year of the programme (1990-2100)");
    }

    public static Date ToDate(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
