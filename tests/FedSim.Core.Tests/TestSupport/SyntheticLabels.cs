namespace FedSim.Core.Tests.TestSupport;

/// <summary>Label arrays for partitioning tests.</summary>
internal static class SyntheticLabels
{
    /// <summary><paramref name="n"/> labels cycling 0, 1, ..., classes-1, so every class has n/classes samples.</summary>
    public static int[] Balanced(int n, int classes) => Enumerable.Range(0, n).Select(i => i % classes).ToArray();

    /// <summary>Class k gets <c>sizes[k]</c> samples; classes are interleaved so indices of one class are not contiguous.</summary>
    public static int[] WithClassSizes(IReadOnlyList<int> sizes)
    {
        var remaining = sizes.ToArray();
        var labels = new List<int>();
        while (remaining.Any(r => r > 0))
            for (var k = 0; k < remaining.Length; k++)
                if (remaining[k] > 0)
                {
                    labels.Add(k);
                    remaining[k]--;
                }
        return labels.ToArray();
    }

    /// <summary>Per-class sample counts of one party's index list.</summary>
    public static int[] ClassCounts(IReadOnlyList<int> labels, int classes, IEnumerable<int> indices)
    {
        var counts = new int[classes];
        foreach (var i in indices) counts[labels[i]]++;
        return counts;
    }
}
