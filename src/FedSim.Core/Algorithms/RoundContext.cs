using FedSim.Core.Randomness;

namespace FedSim.Core.Algorithms;

/// <summary>What a strategy knows when it configures a round.</summary>
public sealed record RoundContext(int Round, int TotalParties, int PartiesPerRound, int Seed)
{
    /// <summary>NIID-Bench's sampling: a seeded shuffle of all party ids, the first <see cref="PartiesPerRound"/>, sorted.</summary>
    public int[] Sample() => PartySampler.Sample(TotalParties, PartiesPerRound, Seed, Round);
}
