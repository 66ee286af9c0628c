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
    public static IReadOnlyList<DeviceProfile> Draw(SystemSection system, int parties, int seed)
    {
        var settings = system.DeviceSettings().Select(s => s.Choice).ToList();
        var profiles = new DeviceProfile[parties];
        for (var party = 0; party < parties; party++)
        {
            var v = new double[settings.Count];
            for (var i = 0; i < settings.Count; i++)
                v[i] = Draw(settings[i], Seeds.Stream(seed, Seeds.Purpose.Device, i, party));
            profiles[party] = new DeviceProfile(v[0], v[1], v[2], v[3]);
        }
        return profiles;
    }

    private static double Draw(ComponentChoice choice, Random rng) =>
        choice.Resolve<IDistributionComponent>().Sample(choice.Options, rng);
}
