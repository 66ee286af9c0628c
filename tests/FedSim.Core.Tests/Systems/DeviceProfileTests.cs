using FedSim.Core.Systems;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Systems;

public sealed class DeviceProfileTests
{
    [Fact]
    public void A_party_s_seconds_are_the_round_trip_both_transfers_and_its_training()
    {
        var device = new DeviceProfile(ComputeMsPerSample: 2, BandwidthUpMbps: 8, BandwidthDownMbps: 80, LatencyMs: 50);

        // 2 * 0.05 s + 1e6 B * 8 / 80e6 b/s + 600 * 3 * 2 ms + 5e5 B * 8 / 8e6 b/s
        Assert.Equal(0.1 + 0.1 + 3.6 + 0.5, device.Seconds(bytesDown: 1_000_000, bytesUp: 500_000, examples: 600, epochs: 3), 12);
        Assert.Equal(0.7, device.CommSeconds(1_000_000, 500_000), 12);
    }

    [Fact]
    public void A_zero_bandwidth_is_unlimited_and_the_ideal_device_takes_no_time()
    {
        Assert.Equal(0.0, new DeviceProfile(0, 0, 0, 10).CommSeconds(1L << 40, 1L << 40) - 0.02, 12);
        Assert.Equal(0.0, DeviceProfile.Ideal.Seconds(1 << 20, 1 << 20, 1000, 5));
    }

    [Fact]
    public void Draws_are_per_party_reproducible_and_each_setting_has_its_own_stream()
    {
        var a = TestScenarios.Parse("system:\n  compute_ms_per_sample: {dist: lognormal, median: 2, sigma: 0.5}\n  latency_ms: {dist: uniform, low: 10, high: 90}\n").System;
        var b = TestScenarios.Parse("system:\n  compute_ms_per_sample: {dist: lognormal, median: 2, sigma: 0.5}\n  latency_ms: 30\n").System;

        var first = DeviceProfiles.Draw(a, 50, seed: 3);
        Assert.Equal(first, DeviceProfiles.Draw(a, 50, seed: 3));
        Assert.NotEqual(first, DeviceProfiles.Draw(a, 50, seed: 4));
        Assert.Equal(50, first.Select(d => d.ComputeMsPerSample).Distinct().Count());
        // Changing the latency's distribution leaves every party's compute speed as it was.
        Assert.Equal(first.Select(d => d.ComputeMsPerSample), DeviceProfiles.Draw(b, 50, seed: 3).Select(d => d.ComputeMsPerSample));
        Assert.All(DeviceProfiles.Draw(b, 50, 3), d => Assert.Equal(30, d.LatencyMs));
    }
}
