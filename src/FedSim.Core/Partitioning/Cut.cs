namespace FedSim.Core.Partitioning;

/// <summary>Cutting an index array into consecutive pieces.</summary>
internal static class Cut
{
    /// <summary>Like numpy's array_split: <paramref name="pieces"/> parts, the first <c>len mod pieces</c> one element longer.</summary>
    public static int[][] Even(int[] items, int pieces)
    {
        var result = new int[pieces][];
        int baseSize = items.Length / pieces, extra = items.Length % pieces, start = 0;
        for (var i = 0; i < pieces; i++)
        {
            var size = baseSize + (i < extra ? 1 : 0);
            result[i] = items[start..(start + size)];
            start += size;
        }
        return result;
    }

    /// <summary>
    /// Cuts at <c>floor(cumsum(proportions) * len)</c> (the last cut point dropped, so the last part takes the rest),
    /// as NIID-Bench's <c>np.split(idx, (np.cumsum(p) * len).astype(int)[:-1])</c>.
    /// </summary>
    public static int[][] ByProportions(int[] items, IReadOnlyList<double> proportions)
    {
        var n = proportions.Count;
        var result = new int[n][];
        double cumulative = 0;
        var start = 0;
        for (var i = 0; i < n; i++)
        {
            int end;
            if (i == n - 1) end = items.Length;
            else
            {
                cumulative += proportions[i];
                end = Math.Clamp((int)Math.Floor(cumulative * items.Length), start, items.Length);
            }
            result[i] = items[start..end];
            start = end;
        }
        return result;
    }
}
