using FedSim.Core.Components;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Systems;

/// <summary>
/// Draws every party's device from the scenario's <c>system</c> section: each setting from its own seeded stream
/// (per setting and party), so changing one setting's distribution leaves the others' draws as they were.
/// </summary>
public static class DeviceProfiles
{
    /// <summary>
    /// Every party's device. With a device trace, party i takes the trace's i-th client (in id order, cycling): its
    /// <c>computation</c> times <c>trace_compute_factor</c> as compute, its <c>communication</c> (kbit/s) as both
    /// bandwidths; the latency is still drawn.
    /// </summary>
    public static IReadOnlyList<DeviceProfile> Draw(SystemSection system, int parties, int seed, IReadOnlyList<Traces.TraceDevice>? trace = null)
    {
        var settings = system.DeviceSettings().Select(s => s.Choice).ToList();
        var profiles = new DeviceProfile[parties];
        for (var party = 0; party < parties; party++)
        {
            var v = new double[settings.Count];
            for (var i = 0; i < settings.Count; i++)
                v[i] = Draw(settings[i], Seeds.Stream(seed, Seeds.Purpose.Device, i, party));
            if (trace is { Count: > 0 })
            {
                var device = trace[party % trace.Count];
                (v[0], v[1], v[2]) = (device.ComputationMs * system.TraceComputeFactor, device.CommunicationKbps / 1000, device.CommunicationKbps / 1000);
            }
            profiles[party] = new DeviceProfile(v[0], v[1], v[2], v[3]);
        }
        return profiles;
    }

    private static double Draw(ComponentChoice choice, Random rng) =>
        choice.Resolve<IDistributionComponent>().Sample(choice.Options, rng);
}
