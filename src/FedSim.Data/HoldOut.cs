namespace FedSim.Data;

/// <summary>The seeded train / test split used when a file-based dataset has no test file.</summary>
internal static class HoldOut
{
    /// <summary>
    /// Splits 0..count-1: a seeded Fisher-Yates shuffle picks <c>round(count * fraction)</c> test indices (at least one,
    /// and at least one left for training); both lists come back in ascending (file) order.
    /// </summary>
    public static (int[] Train, int[] Test) Split(int count, double fraction, int seed, string source, long purpose = Core.Randomness.Seeds.Purpose.HoldOut)
    {
        if (count < 2)
            throw new InvalidDataException($"{source}: {count} sample(s) cannot be split into a training and a test set");
        var testCount = TestCount(count, fraction);
        var order = Enumerable.Range(0, count).ToArray();
        Core.Partitioning.Shuffle.InPlace(order, Core.Randomness.Seeds.Stream(seed, purpose));
        var test = order[..testCount];
        var train = order[testCount..];
        Array.Sort(test);
        Array.Sort(train);
        return (train, test);
    }

    /// <summary><c>round(count * fraction)</c>, kept within 1..count-1.</summary>
    public static int TestCount(int count, double fraction)
    {
        if (!(fraction > 0 && fraction < 1))
            throw new ArgumentException($"dataset.test_fraction must be between 0 and 1 (exclusive), got {fraction}");
        return Math.Clamp((int)Math.Round(count * fraction, MidpointRounding.AwayFromZero), 1, count - 1);
    }
}
