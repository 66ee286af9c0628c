namespace FedSim.Core.Codecs;

/// <summary>Choosing the largest values of a tensor and coding their ascending positions compactly.</summary>
internal static class SparseIndices
{
    /// <summary>The positions of the <paramref name="k"/> values largest in magnitude, ascending (ties go to the lower position).</summary>
    public static int[] Largest(ReadOnlySpan<float> values, int k)
    {
        if (k == 0) return [];
        if (k == values.Length) return Enumerable.Range(0, k).ToArray();
        var magnitudes = new float[values.Length];
        System.Numerics.Tensors.TensorPrimitives.Abs(values, magnitudes);
        var threshold = KthLargest((float[])magnitudes.Clone(), k);
        var above = 0;
        foreach (var m in magnitudes) if (m > threshold) above++;
        var ties = k - above;
        var result = new int[k];
        var at = 0;
        for (var i = 0; i < magnitudes.Length && at < k; i++)
        {
            if (magnitudes[i] > threshold) result[at++] = i;
            else if (magnitudes[i] == threshold && ties > 0)
            {
                result[at++] = i;
                ties--;
            }
        }
        return result;
    }

    /// <summary>The k-th largest value (1-based) by quickselect; reorders <paramref name="a"/>. NaN counts as largest.</summary>
    private static float KthLargest(float[] a, int k)
    {
        var target = a.Length - k;
        var (lo, hi) = (0, a.Length - 1);
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            var pivot = Median(a[lo], a[mid], a[hi]);
            var (i, j) = (lo, hi);
            while (i <= j)
            {
                while (a[i].CompareTo(pivot) < 0) i++;
                while (a[j].CompareTo(pivot) > 0) j--;
                if (i > j) break;
                (a[i], a[j]) = (a[j], a[i]);
                i++;
                j--;
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else break;
        }
        return a[target];
    }

    private static float Median(float x, float y, float z) =>
        x.CompareTo(y) < 0 ? (y.CompareTo(z) < 0 ? y : x.CompareTo(z) < 0 ? z : x) : (x.CompareTo(z) < 0 ? x : y.CompareTo(z) < 0 ? z : y);

    /// <summary>Ascending positions of a tensor of <paramref name="n"/> values as varint gaps, or as a bitmap when that is smaller.</summary>
    public static (byte[] Bytes, bool Bitmap) Encode(int[] ascending, int n)
    {
        var varint = new List<byte>(ascending.Length * 2);
        var previous = -1;
        foreach (var index in ascending)
        {
            var gap = (uint)(index - previous - 1);
            previous = index;
            while (gap >= 0x80)
            {
                varint.Add((byte)(gap | 0x80));
                gap >>= 7;
            }
            varint.Add((byte)gap);
        }
        var bitmapBytes = (n + 7) / 8;
        if (varint.Count <= bitmapBytes) return (varint.ToArray(), false);
        var bitmap = new byte[bitmapBytes];
        foreach (var index in ascending) bitmap[index >> 3] |= (byte)(1 << (index & 7));
        return (bitmap, true);
    }

    /// <summary>The <paramref name="k"/> positions coded by <see cref="Encode"/>; throws <see cref="InvalidDataException"/> for malformed bytes.</summary>
    public static int[] Decode(ReadOnlySpan<byte> bytes, bool bitmap, int k, int n)
    {
        var result = new int[k];
        var at = 0;
        if (bitmap)
        {
            if (bytes.Length != (n + 7) / 8) throw new InvalidDataException($"topk bitmap of {bytes.Length} bytes for {n} values");
            for (var i = 0; i < n; i++)
            {
                if ((bytes[i >> 3] >> (i & 7) & 1) == 0) continue;
                if (at == k) throw new InvalidDataException($"topk bitmap marks more than k = {k} positions");
                result[at++] = i;
            }
        }
        else
        {
            var (position, previous) = (0, -1L);
            while (at < k)
            {
                ulong gap = 0;
                for (var shift = 0; ; shift += 7)
                {
                    if (position >= bytes.Length || shift > 28) throw new InvalidDataException($"topk positions end after {at} of k = {k}");
                    var b = bytes[position++];
                    gap |= (ulong)(b & 0x7F) << shift;
                    if (b < 0x80) break;
                }
                previous += (long)gap + 1;
                if (previous >= n) throw new InvalidDataException($"topk position {previous} outside a tensor of {n} values");
                result[at++] = (int)previous;
            }
            if (position != bytes.Length) throw new InvalidDataException($"topk positions: {bytes.Length - position} bytes left after k = {k}");
        }
        if (at != k) throw new InvalidDataException($"topk bitmap marks {at} positions, k = {k}");
        return result;
    }
}
