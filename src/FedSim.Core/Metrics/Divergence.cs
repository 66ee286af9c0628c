namespace FedSim.Core.Metrics;

/// <summary>Information measures over discrete distributions, in bits (log base 2), so Jensen-Shannon lies in [0, 1].</summary>
internal static class Divergence
{
    public static double[] Normalise(IReadOnlyList<long> counts)
    {
        double total = counts.Sum();
        return counts.Select(c => total == 0 ? 0 : c / total).ToArray();
    }

    public static double Entropy(IReadOnlyList<double> p)
    {
        double h = 0;
        foreach (var x in p)
            if (x > 0) h -= x * Math.Log2(x);
        return h;
    }

    public static double KullbackLeibler(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        double d = 0;
        for (var i = 0; i < p.Count; i++)
            if (p[i] > 0) d += p[i] * Math.Log2(p[i] / q[i]);
        return d;
    }

    public static double JensenShannon(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        if (p.Count != q.Count) throw new ArgumentException("distributions differ in length");
        var m = p.Select((x, i) => 0.5 * (x + q[i])).ToArray();
        return Math.Max(0, 0.5 * KullbackLeibler(p, m) + 0.5 * KullbackLeibler(q, m));
    }
}
