using FedSim.Core.Randomness;

namespace FedSim.Core.Systems;

/// <summary>
/// Who counts in a synchronous round and how long it takes in simulated time. A dropped party never counts; a party
/// slower than the deadline fails as <see cref="PartyVerdict.Deadline"/>; of the rest, the first <c>wanted</c> to
/// finish (by simulated seconds, ties by party id) count and the others are <see cref="PartyVerdict.Late"/>. The round
/// ends when its last counted party finishes, or at the deadline when fewer than <c>wanted</c> counted (the server
/// waited for them); without a deadline a vanished party is taken to be noticed at once.
/// </summary>
public static class RoundClock
{
    /// <summary>How many parties a round samples for the <paramref name="wanted"/> it aggregates: <c>ceil(wanted * over_commit)</c>, at most all.</summary>
    public static int Sampled(int wanted, double overCommit, int total) =>
        Math.Min(total, (int)Math.Ceiling(wanted * overCommit - 1e-9));

    /// <summary>Whether a sampled party drops out of the round: a seeded draw per round and party.</summary>
    public static bool DropsOut(int seed, int round, int party, double probability) =>
        probability > 0 && Seeds.Stream(seed, Seeds.Purpose.Dropout, round, party).NextDouble() < probability;

    public static bool MissesDeadline(double seconds, double? deadline) => deadline is { } d && seconds > d;

    public static RoundTiming Settle(IReadOnlyList<PartyTiming> parties, int wanted, double? deadline)
    {
        var verdicts = new Dictionary<int, PartyVerdict>();
        var finishers = new List<PartyTiming>();
        foreach (var p in parties)
        {
            if (!p.Answered) verdicts[p.PartyId] = PartyVerdict.Failed;
            else if (p.Dropped) verdicts[p.PartyId] = PartyVerdict.Dropout;
            else if (MissesDeadline(p.Seconds, deadline)) verdicts[p.PartyId] = PartyVerdict.Deadline;
            else finishers.Add(p);
        }
        var ordered = finishers.OrderBy(p => p.Seconds).ThenBy(p => p.PartyId).ToList();
        for (var i = 0; i < ordered.Count; i++) verdicts[ordered[i].PartyId] = i < wanted ? PartyVerdict.Counted : PartyVerdict.Late;
        var counted = ordered.Take(wanted).ToList();
        var seconds = counted.Count < wanted && deadline is { } d ? d : counted.Select(p => p.Seconds).DefaultIfEmpty(0).Max();
        return new RoundTiming(verdicts, seconds);
    }
}
