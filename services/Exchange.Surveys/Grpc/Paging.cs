using System.Globalization;
using System.Text;
using Exchange.Common.V1;
using Exchange.Rpc;

namespace Exchange.Surveys.Grpc;

/// <summary>Offset paging with opaque tokens, as every list of the platform's API pages.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static (int Offset, int PageSize) Read(PageRequest? page)
    {
        var size = page?.PageSize ?? 0;
        if (size < 0 || size > MaxPageSize) throw RpcException.InvalidArgument("page.page_size", $"must be 1 to {MaxPageSize} (0 for the default of {DefaultPageSize})");
        if (size == 0) size = DefaultPageSize;
        var token = page?.PageToken ?? "";
        return token.Length == 0 ? (0, size) : (Decode(token), size);
    }

    /// <summary>The token of the next page, or empty when this page is the last.</summary>
    public static string Next(int offset, int count, int total) =>
        offset + count < total ? Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + (offset + count).ToString(CultureInfo.InvariantCulture))) : "";

    private static int Decode(string token)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)) return offset;
        }
        catch (FormatException)
        {
        }
        throw RpcException.InvalidArgument("page.page_token", "is not a token this service issued");
    }
}
