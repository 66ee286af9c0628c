namespace FedSim.Core.Randomness;

/// <summary>Which parties train in a round: a seeded shuffle of all party ids, the first k taken (as NIID-Bench), sorted.</summary>
internal static class PartySampler
{
    /// <summary>
    /// The round's sample; with <paramref name="online"/>, the first k of the same shuffle that are online (all of
    /// them when fewer are), so with every party online the sample is NIID-Bench's.
    /// </summary>
    public static int[] Sample(int parties, int perRound, int seed, int round, IReadOnlySet<int>? online = null)
    {
        if (perRound >= parties && online is null) return Enumerable.Range(0, parties).ToArray();
        var ids = Enumerable.Range(0, parties).ToArray();
        if (perRound < parties) Partitioning.Shuffle.InPlace(ids, Seeds.Generator(Seeds.Derive(seed, Seeds.Purpose.Sampling, round)));
        var chosen = ids.Where(p => online?.Contains(p) != false).Take(perRound).ToArray();
        Array.Sort(chosen);
        return chosen;
    }
}
