using FedSim.Core.Randomness;

namespace FedSim.Core.Algorithms;

/// <summary>What a strategy knows when it configures a round.</summary>
public sealed record RoundContext(int Round, int TotalParties, int PartiesPerRound, int Seed)
{
    /// <summary>The parties online this round (<c>system.availability</c>, an availability trace); null: all.</summary>
    public IReadOnlySet<int>? Online { get; init; }

    /// <summary>
    /// NIID-Bench's sampling: a seeded shuffle of all party ids, the first <see cref="PartiesPerRound"/> (of those
    /// online), sorted.
    /// </summary>
    public int[] Sample() => PartySampler.Sample(TotalParties, PartiesPerRound, Seed, Round, Online);
}
