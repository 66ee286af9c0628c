namespace FedSim.Core.Metrics;

/// <summary>Mean, population standard deviation, min and max of a sample; all zero when empty.</summary>
public sealed record Summary(int Count, double Mean, double Std, double Min, double Max)
{
    public static Summary Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) return new Summary(0, 0, 0, 0, 0);
        var mean = v.Average();
        var std = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length);
        return new Summary(v.Length, mean, std, v.Min(), v.Max());
    }

    /// <summary>Standard deviation over mean (0 when the mean is 0).</summary>
    public double CoefficientOfVariation => Mean == 0 ? 0 : Std / Mean;
}
