namespace FedSim.Core.Partitioning;

/// <summary>Fisher-Yates shuffle with a given generator.</summary>
public static class Shuffle
{
    public static void InPlace<T>(Span<T> items, Random rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public static void InPlace<T>(T[] items, Random rng) => InPlace(items.AsSpan(), rng);
}
