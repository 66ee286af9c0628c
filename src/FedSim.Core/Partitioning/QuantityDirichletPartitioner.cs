using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Partitioning;

/// <summary>The <c>quantity-dirichlet</c> partitioner's options.</summary>
public sealed record QuantityDirichletOptions
{
    [Option("Dirichlet concentration of the party sizes (smaller = more quantity skew)", Min = 0, MinExclusive = true)]
    public double Beta { get; init; } = 0.5;

    [Option("redraw the sizes until every party has at least this many samples", Min = 0)]
    public int MinSize { get; init; } = 10;
}

[Component("quantity-dirichlet", "quantity skew q~Dir(beta): IID labels, party sizes from a Dirichlet draw (NIID-Bench iid-diff-quantity)")]
internal sealed class QuantityDirichlet : Partitioner<QuantityDirichletOptions>
{
    protected override IPartitioner Create(QuantityDirichletOptions options, IReadOnlyList<int>? groups) =>
        new QuantityDirichletPartitioner(options.Beta, options.MinSize);
}

/// <summary>
/// Quantity skew (NIID-Bench <c>iid-diff-quantity</c>, "q~Dir(beta)"): permute all indices once, draw
/// <c>p ~ Dir(beta)</c> over parties until every party's piece holds at least <paramref name="minSize"/> samples, then
/// cut the permutation at <c>floor(cumsum(p) * N)</c>. Labels stay close to the global mix; only sizes differ.
/// </summary>
/// <remarks>
/// NIID-Bench accepts a draw when <c>min(p * N) &gt;= 10</c>; the floor cuts can then leave a party one sample short.
/// Here the test is on the sizes of the pieces actually cut, so the minimum always holds.
/// </remarks>
internal sealed class QuantityDirichletPartitioner(double beta, int minSize, int maxAttempts = 10_000) : IPartitioner
{

    public int[][] Split(IReadOnlyList<int> labels, int classes, int parties, Random rng)
    {
        var n = labels.Count;
        if ((long)minSize * parties > n)
            throw new ScenarioDataException("partition.quantity-dirichlet.min_size", $"{minSize} samples for each of {parties} parties needs more than the {n} training samples available");
        var all = Enumerable.Range(0, n).ToArray();
        Shuffle.InPlace(all, rng);
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var p = DirichletDraw.Sample(beta, parties, rng);
            var pieces = Cut.ByProportions(all, p);
            if (pieces.Min(x => x.Length) >= minSize) return pieces;
        }
        throw new ScenarioDataException("partition.quantity-dirichlet.min_size",
            $"no Dirichlet(beta={beta}) draw gave every one of {parties} parties at least {minSize} samples in {maxAttempts} attempts; lower partition.quantity-dirichlet.min_size or raise partition.quantity-dirichlet.beta");
    }
}
