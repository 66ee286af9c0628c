namespace FedSim.Core.Randomness;

/// <summary>Which parties train in a round: a seeded shuffle of all party ids, the first k taken (as NIID-Bench), sorted.</summary>
internal static class PartySampler
{
    public static int[] Sample(int parties, int perRound, int seed, int round)
    {
        if (perRound >= parties) return Enumerable.Range(0, parties).ToArray();
        var ids = Enumerable.Range(0, parties).ToArray();
        Partitioning.Shuffle.InPlace(ids, Seeds.Generator(Seeds.Derive(seed, Seeds.Purpose.Sampling, round)));
        var chosen = ids[..perRound];
        Array.Sort(chosen);
        return chosen;
    }
}
