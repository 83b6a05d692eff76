using System.Globalization;
using Exchange.Identity;
using Exchange.Projects.Data;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Projects.Grpc;

/// <summary>
/// Lists projects with filters and paging, in registration order. Callers who do not see every
/// project get only those their organisation is a party to.
/// </summary>
public sealed class ProjectSearch(ProjectsDb db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public async Task<ListProjectsResponse> ListAsync(ListProjectsRequest request, ExchangePrincipal caller, CancellationToken cancellationToken)
    {
        var (offset, pageSize) = Page(request.Page);
        var query = db.Projects.AsNoTracking();
        if (!ProjectAuthorization.SeesAll(caller))
        {
            var party = $"|{caller.OrganisationId}|";
            query = query.Where(p => p.PartyIndex.Contains(party));
        }
        if (request.Programme != Programme.Unspecified) query = query.Where(p => p.Programme == request.Programme);
        if (request.Status != ProjectStatus.Unspecified) query = query.Where(p => p.Status == request.Status);
        if (request.Sector != Common.V1.Sector.Unspecified) query = query.Where(p => p.Sector == request.Sector);
        if (request.Country.Length > 0)
        {
            var country = $"|{request.Country.ToUpperInvariant()}|";
            query = query.Where(p => p.CountryIndex.Contains(country));
        }
        if (request.WorldArea != Common.V1.WorldArea.Unspecified)
        {
            var area = $"|{(int)request.WorldArea}|";
            query = query.Where(p => p.WorldAreaIndex.Contains(area));
        }
        if (request.ActiveInFiscalYear != 0)
        {
            var year = $"|{request.ActiveInFiscalYear.ToString(CultureInfo.InvariantCulture)}|";
            query = query.Where(p => p.FiscalYearIndex.Contains(year));
        }
        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            var text = request.Text.Trim().ToLowerInvariant();
            query = query.Where(p => p.SearchText.Contains(text));
        }

        // Bureau and prefecture live in the JSON of the domestic region: filtered after loading,
        // which is cheap at the programme's scale (tens of projects a year).
        var candidates = await query.OrderBy(p => p.RegisteredAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        IEnumerable<Model.Project> filtered = candidates;
        // The party index only narrows the query: it holds every party whatever its capacity, so the
        // access policy decides, and the list shows nothing that GetProject would answer NOT_FOUND for.
        if (!ProjectAuthorization.SeesAll(caller)) filtered = filtered.Where(p => ProjectAuthorization.CanRead(caller, p));
        if (request.Bureau != Common.V1.RegionalBureau.Unspecified) filtered = filtered.Where(p => p.DomesticRegion.Bureau == request.Bureau);
        if (request.Prefecture.Length > 0) filtered = filtered.Where(p => string.Equals(p.DomesticRegion.Prefecture, request.Prefecture.Trim(), StringComparison.OrdinalIgnoreCase));

        var all = filtered.ToList();
        var page = all.Skip(offset).Take(pageSize).ToList();
        var response = new ListProjectsResponse { TotalCount = all.Count };
        response.Projects.AddRange(page.Select(ProjectMapper.ToMessage));
        if (offset + page.Count < all.Count) response.NextPageToken = EncodeToken(offset + page.Count);
        return response;
    }

    internal static (int Offset, int PageSize) Page(Common.V1.PageRequest? page)
    {
        var size = page?.PageSize ?? 0;
        if (size < 0 || size > MaxPageSize) throw RpcException.InvalidArgument("page.page_size", $"must be 1 to {MaxPageSize} (0 for the default of {DefaultPageSize})");
        if (size == 0) size = DefaultPageSize;
        var token = page?.PageToken ?? "";
        if (token.Length == 0) return (0, size);
        return (DecodeToken(token), size);
    }

    internal static string EncodeToken(int offset) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeToken(string token)
    {
        try
        {
            var text = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)) return offset;
        }
        catch (FormatException)
        {
        }
        throw RpcException.InvalidArgument("page.page_token", "is not a token this service issued");
    }
}
