using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Partitioning;

/// <summary>The <c>dirichlet</c> partitioner's options.</summary>
public sealed record DirichletOptions
{
    [Option("Dirichlet concentration per class over parties (smaller = more label skew)", Min = 0, MinExclusive = true)]
    public double Beta { get; init; } = 0.5;

    [Option("redraw the whole split until every party has at least this many samples", Min = 0)]
    public int MinSize { get; init; } = 10;
}

[Component("dirichlet", "label skew pk~Dir(beta): each class is spread over parties by a Dirichlet draw (NIID-Bench noniid-labeldir)")]
internal sealed class Dirichlet : Partitioner<DirichletOptions>
{
    protected override IPartitioner Create(DirichletOptions options, IReadOnlyList<int>? groups) => new DirichletPartitioner(options.Beta, options.MinSize);
}

/// <summary>
/// Label skew by Dirichlet draws, with NIID-Bench's exact semantics (<c>noniid-labeldir</c>):
/// per class (in class order) shuffle its indices, draw <c>p ~ Dir(beta)</c> over parties, zero the share of
/// every party already holding at least <c>N / parties</c> samples (the balancing step), renormalise, cut at
/// <c>floor(cumsum(p) * n_k)</c>; redo the whole draw while the smallest party has fewer than
/// <paramref name="minSize"/> samples; finally shuffle each party's list.
/// </summary>
internal sealed class DirichletPartitioner(double beta, int minSize, int maxAttempts = 10_000) : IPartitioner
{

    public int[][] Split(IReadOnlyList<int> labels, int classes, int parties, Random rng)
    {
        var n = labels.Count;
        if ((long)minSize * parties > n)
            throw new ScenarioDataException("partition.dirichlet.min_size", $"{minSize} samples for each of {parties} parties needs more than the {n} training samples available");
        var byClass = IndicesByClass(labels, classes);
        var capacity = (double)n / parties;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var batches = Enumerable.Range(0, parties).Select(_ => new List<int>()).ToArray();
            for (var k = 0; k < classes; k++)
            {
                var idx = byClass[k].ToArray();
                Shuffle.InPlace(idx, rng);
                var p = DirichletDraw.Sample(beta, parties, rng);
                double sum = 0;
                for (var j = 0; j < parties; j++)
                {
                    if (batches[j].Count >= capacity) p[j] = 0;
                    sum += p[j];
                }
                if (sum > 0)
                    for (var j = 0; j < parties; j++) p[j] /= sum;
                var pieces = Cut.ByProportions(idx, p);
                for (var j = 0; j < parties; j++) batches[j].AddRange(pieces[j]);
            }
            if (batches.Min(b => b.Count) < minSize) continue;
            var result = new int[parties][];
            for (var j = 0; j < parties; j++)
            {
                result[j] = batches[j].ToArray();
                Shuffle.InPlace(result[j], rng);
            }
            return result;
        }
        throw new ScenarioDataException("partition.dirichlet.min_size",
            $"no Dirichlet(beta={beta}) split gave every one of {parties} parties at least {minSize} samples in {maxAttempts} attempts; lower partition.dirichlet.min_size or raise partition.dirichlet.beta");
    }

    internal static List<int>[] IndicesByClass(IReadOnlyList<int> labels, int classes)
    {
        var byClass = Enumerable.Range(0, classes).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < labels.Count; i++)
        {
            var y = labels[i];
            if ((uint)y >= (uint)classes) throw new ArgumentException($"label {y} at index {i} is outside 0..{classes - 1}");
            byClass[y].Add(i);
        }
        return byClass;
    }
}
