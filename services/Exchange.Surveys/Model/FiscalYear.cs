namespace Exchange.Surveys.Model;

/// <summary>Japan's fiscal year runs from 1 April to 31 March and is named by the year it starts in.</summary>
public static class FiscalYear
{
    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;
}
