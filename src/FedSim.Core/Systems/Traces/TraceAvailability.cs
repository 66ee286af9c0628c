namespace FedSim.Core.Systems.Traces;

/// <summary>
/// One client of a FedScale behaviour trace (<c>client_behave_trace</c>): online from each <c>active[i]</c> to
/// <c>inactive[i]</c> seconds, the pattern repeating every <c>finish_time</c> seconds.
/// </summary>
public sealed record TraceAvailability(long ClientId, IReadOnlyList<double> Active, IReadOnlyList<double> Inactive, double FinishTime)
{
    /// <summary>Whether the client is online at simulated time <paramref name="seconds"/> (FedScale's rule, both ends included).</summary>
    public bool IsOnline(double seconds)
    {
        var t = seconds % FinishTime;
        for (var i = 0; i < Active.Count; i++)
            if (Active[i] <= t && t <= Inactive[i]) return true;
        return false;
    }

    /// <summary>
    /// <paramref name="seconds"/> if the client is online then, else the next start of one of its intervals
    /// (<see cref="double.PositiveInfinity"/> if it has none).
    /// </summary>
    public double NextOnline(double seconds)
    {
        if (IsOnline(seconds)) return seconds;
        if (Active.Count == 0 || FinishTime <= 0) return double.PositiveInfinity;
        var cycle = seconds - seconds % FinishTime;
        var later = Active.Where(a => cycle + a > seconds).Select(a => cycle + a).DefaultIfEmpty(double.PositiveInfinity).Min();
        return double.IsFinite(later) ? later : cycle + FinishTime + Active.Min();
    }
}
