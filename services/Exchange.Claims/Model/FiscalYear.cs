namespace Exchange.Claims.Model;

/// <summary>Japanese fiscal years: FY2007 runs from 2007-04-01 to 2008-03-31.</summary>
public static class FiscalYear
{
    public const int First = 1996;
    public const int Last = 2100;

    public static DateOnly Start(int year) => new(year, 4, 1);

    public static DateOnly End(int year) => new(year + 1, 3, 31);

    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;
}
