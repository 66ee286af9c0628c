namespace FedSim.Core.Weights;

/// <summary>Element counts of shapes that may come from untrusted headers, without overflow.</summary>
public static class ShapeMath
{
    /// <summary>
    /// The product of <paramref name="shape"/>, or null when it exceeds <paramref name="limit"/>.
    /// Throws <see cref="InvalidDataException"/> for a negative dimension.
    /// </summary>
    public static long? ElementCount(IEnumerable<long> shape, long limit)
    {
        var dims = shape.ToArray();
        foreach (var d in dims)
            if (d < 0) throw new InvalidDataException($"negative dimension {d} in shape [{string.Join(",", dims)}]");
        if (dims.Contains(0)) return 0;
        long n = 1;
        foreach (var d in dims)
        {
            // n <= limit before this step, so the check below cannot overflow.
            if (d > limit / n) return null;
            n *= d;
        }
        return n;
    }
}
