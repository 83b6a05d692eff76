namespace Exchange.Claims.Money;

/// <summary>
/// ISO 4217 currencies in use, with their minor units (how many decimals an amount may carry).
/// A fixed table: the list changes rarely, and a code missing here is refused rather than guessed.
/// </summary>
public static class Currencies
{
    public const string Yen = "JPY";

    private static readonly Dictionary<string, int> MinorUnits = Build();

    /// <summary>True for a current ISO 4217 code (upper case, as the standard writes it).</summary>
    public static bool IsKnown(string code) => MinorUnits.ContainsKey(code);

    /// <summary>Decimals of <paramref name="code"/>: JPY 0, EUR 2, KWD 3.</summary>
    public static int MinorUnitsOf(string code) =>
        MinorUnits.TryGetValue(code, out var units) ? units : throw new ArgumentException($"'{code}' is not an ISO 4217 currency", nameof(code));

    private static Dictionary<string, int> Build()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        // No minor unit.
        foreach (var code in "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".Split(' ')) table[code] = 0;
        // Three decimals.
        foreach (var code in "BHD IQD JOD KWD LYD OMR TND".Split(' ')) table[code] = 3;
        // Four decimals (units of account).
        foreach (var code in "CLF UYW".Split(' ')) table[code] = 4;
        // Two decimals: every other current code.
        const string twoDecimals =
            "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
            "CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS " +
            "GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL " +
            "MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK " +
            "PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS " +
            "TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VES VED WST XCD XCG YER ZAR ZMW ZWG";
        foreach (var code in twoDecimals.Split(' ')) table[code] = 2;
        return table;
    }
}
