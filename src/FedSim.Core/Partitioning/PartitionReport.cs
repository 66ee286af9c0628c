using FedSim.Core.Metrics;

namespace FedSim.Core.Partitioning;

/// <summary>A whole partition with its data-heterogeneity figures.</summary>
public sealed record PartitionReport(
    string Strategy,
    int Seed,
    int Classes,
    int TotalSamples,
    IReadOnlyList<PartyDataStats> Parties,
    double MeanJsDivergence,
    double MaxJsDivergence,
    double SizeCoefficientOfVariation)
{
    public static PartitionReport Compute(string strategy, int seed, IReadOnlyList<int> labels, int classes, int[][] dataidxs)
    {
        var global = new long[classes];
        foreach (var y in labels) global[y]++;
        var globalP = Divergence.Normalise(global);
        var parties = dataidxs.Select((idx, id) =>
        {
            var counts = new long[classes];
            foreach (var i in idx) counts[labels[i]]++;
            var p = Divergence.Normalise(counts);
            return new PartyDataStats(id, idx, counts, idx.Length, counts.Count(c => c > 0),
                Divergence.Entropy(p), idx.Length == 0 ? 1 : Divergence.JensenShannon(p, globalP));
        }).ToArray();
        var js = parties.Select(p => p.JsDivergence).ToArray();
        return new PartitionReport(strategy, seed, classes, labels.Count, parties,
            js.Length == 0 ? 0 : js.Average(), js.Length == 0 ? 0 : js.Max(),
            Summary.Of(parties.Select(p => (double)p.Size)).CoefficientOfVariation);
    }
}
