namespace Exchange.Surveys.Analytics;

/// <summary>
/// The gamma function's logarithm and the regularized incomplete gamma functions P(a, x) and
/// Q(a, x) = 1 - P(a, x), from which the chi-square distribution follows. P by its power series
/// where it converges fast (x &lt; a + 1), Q by its continued fraction elsewhere (evaluated with
/// the modified Lentz method), each accurate to about 1e-14.
/// </summary>
public static class IncompleteGamma
{
    private const int MaxIterations = 10_000;
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;

    /// <summary>ln Γ(x) for x &gt; 0: Stirling's series from x ≥ 10, the recurrence Γ(x+1) = xΓ(x) below.</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0 || double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ is taken of positive numbers only");
        var shift = 0.0;
        while (x < 10)
        {
            shift += Math.Log(x);
            x += 1;
        }
        var inverse = 1 / x;
        var inverse2 = inverse * inverse;
        // 1/(12x) - 1/(360x³) + 1/(1260x⁵) - 1/(1680x⁷) + 1/(1188x⁹): Bernoulli numbers B2..B10.
        var series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 * (1.0 / 1680 - inverse2 / 1188))));
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + series - shift;
    }

    /// <summary>P(a, x) = γ(a, x) / Γ(a), the lower regularized incomplete gamma function.</summary>
    public static double Lower(double a, double x)
    {
        Check(a, x);
        if (x == 0) return 0;
        return x < a + 1 ? Series(a, x) : 1 - ContinuedFraction(a, x);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a), the upper regularized incomplete gamma function.</summary>
    public static double Upper(double a, double x)
    {
        Check(a, x);
        if (x == 0) return 1;
        return x < a + 1 ? 1 - Series(a, x) : ContinuedFraction(a, x);
    }

    // P(a, x) = e^(-x) x^a / Γ(a + 1) · Σ xⁿ / ((a + 1)(a + 2)...(a + n)).
    private static double Series(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon) break;
        }
        return sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a));
    }

    // Q(a, x) = e^(-x) x^a / Γ(a) · 1 / (x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) / (x + 5 - a - ...))).
    private static double ContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var fraction = d;
        for (var n = 1; n < MaxIterations; n++)
        {
            var an = -n * (n - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + an / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            var step = d * c;
            fraction *= step;
            if (Math.Abs(step - 1) < Epsilon) break;
        }
        return Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * fraction;
    }

    private static void Check(double a, double x)
    {
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, "must be positive");
        if (!(x >= 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "must be zero or positive");
    }
}
