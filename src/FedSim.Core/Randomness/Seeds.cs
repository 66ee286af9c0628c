namespace FedSim.Core.Randomness;

/// <summary>
/// Derives independent, reproducible seeds from the scenario seed and a purpose
/// (SplitMix64 finaliser over the combined inputs), so that e.g. round 3's sampling
/// does not depend on how many random numbers round 2 drew.
/// </summary>
public static class Seeds
{
    public static int Derive(int seed, params ReadOnlySpan<long> parts)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);
        foreach (var p in parts) x = Mix(x ^ unchecked((ulong)p + 0x9E3779B97F4A7C15UL));
        return (int)(x & 0x7FFF_FFFF);
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>
    /// A seeded generator (Mersenne Twister, as numpy's legacy RandomState uses). Every random stream of FedSim comes
    /// from here, seeded by <see cref="Derive"/> with a <see cref="Purpose"/>: one generator family everywhere.
    /// </summary>
    public static Random Generator(int seed) => new MathNet.Numerics.Random.MersenneTwister(seed, threadSafe: false);

    /// <summary>The generator of one purpose: <c>Generator(Derive(seed, purpose, parts))</c>.</summary>
    public static Random Stream(int seed, long purpose, params ReadOnlySpan<long> parts)
    {
        Span<long> all = stackalloc long[parts.Length + 1];
        all[0] = purpose;
        parts.CopyTo(all[1..]);
        return Generator(Derive(seed, all));
    }

    /// <summary>Purposes, so derived streams never collide.</summary>
    public static class Purpose
    {
        public const long Partition = 1;
        public const long Sampling = 2;
        public const long LocalShuffle = 3;
        public const long ModelInit = 4;

        /// <summary>A party's input transforms (feature noise), derived from its local-shuffle seed for the round.</summary>
        public const long InputNoise = 5;

        /// <summary>The held-out test rows of a file-based dataset without a test file.</summary>
        public const long HoldOut = 6;

        /// <summary>The points of a generated dataset (FCUBE).</summary>
        public const long GeneratedData = 7;

        /// <summary>The validation samples held out of the training split (<c>dataset.validation_fraction</c>).</summary>
        public const long Validation = 8;

        /// <summary>A sender's stochastic rounding in a round (per party, or the coordinator as party -1).</summary>
        public const long Codec = 9;

        /// <summary>A party's simulated device settings (per setting and party).</summary>
        public const long Device = 10;

        /// <summary>Whether a sampled party drops out of a round (per round and party).</summary>
        public const long Dropout = 11;

        /// <summary>Which idle party asynchronous FL starts next (per draw).</summary>
        public const long AsyncSampling = 12;

        /// <summary>Whether a party is online in a round (<c>system.availability</c>, per round and party).</summary>
        public const long Availability = 13;
    }
}
