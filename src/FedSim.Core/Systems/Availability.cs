using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Systems.Traces;

namespace FedSim.Core.Systems;

/// <summary>
/// Which parties are online: from a FedScale behaviour trace (party i follows the trace's i-th client, cycling, at the
/// given time on the simulated clock), else a seeded draw per party with probability <c>system.availability</c> (per
/// round in sync mode, per draw of a party to start in async mode), else everyone (null).
/// </summary>
public sealed class Availability(SystemSection system, int parties, int seed, IReadOnlyList<TraceAvailability>? trace)
{
    /// <summary>Who is online when round <paramref name="round"/> starts at <paramref name="clockSeconds"/>.</summary>
    public IReadOnlySet<int>? Online(int round, double clockSeconds) => Draw(round, clockSeconds);

    /// <summary>Who is online for async mode's <paramref name="draw"/>-th start of a party, at <paramref name="clockSeconds"/> (its own streams: rounds are positive).</summary>
    public IReadOnlySet<int>? OnlineForStart(long draw, double clockSeconds) => Draw(-1 - draw, clockSeconds);

    /// <summary>
    /// The earliest simulated time from <paramref name="clockSeconds"/> on at which a trace brings some party online
    /// (for a clock with nobody to start); without a trace the time itself (the next draw decides anew).
    /// </summary>
    public double NextOnline(double clockSeconds) =>
        trace is { Count: > 0 } ? Enumerable.Range(0, Math.Min(parties, trace.Count)).Min(p => trace[p].NextOnline(clockSeconds)) : clockSeconds;

    private HashSet<int>? Draw(long key, double clockSeconds)
    {
        if (trace is { Count: > 0 })
            return Enumerable.Range(0, parties).Where(p => trace[p % trace.Count].IsOnline(clockSeconds)).ToHashSet();
        if (system.Availability >= 1) return null;
        return Enumerable.Range(0, parties)
            .Where(p => Seeds.Stream(seed, Seeds.Purpose.Availability, key, p).NextDouble() < system.Availability).ToHashSet();
    }
}
