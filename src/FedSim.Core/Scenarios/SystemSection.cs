using FedSim.Core.Components;
using FedSim.Core.Systems;

namespace FedSim.Core.Scenarios;

/// <summary>
/// The <c>system</c> section: each party's simulated device and network (each setting a number, or a seeded
/// distribution drawn once per party) and the rules for who counts in a round under the simulated clock. Nothing
/// sleeps: parties train at full speed and the clock decides. The defaults simulate ideal devices (time 0).
/// </summary>
public sealed record SystemSection
{
    [Choice(ComponentKind.Distribution, "milliseconds of training per example and epoch (0: training takes no simulated time)",
        Layout = ChoiceLayout.Inline, Selector = "dist", NumberShorthand = Constant.Name)]
    public ComponentChoice ComputeMsPerSample { get; init; } = new(Constant.Name, new ConstantOptions());

    [Choice(ComponentKind.Distribution, "uplink bandwidth in Mbit/s, 10^6 bits per second (0: unlimited)",
        Layout = ChoiceLayout.Inline, Selector = "dist", NumberShorthand = Constant.Name)]
    public ComponentChoice BandwidthUpMbps { get; init; } = new(Constant.Name, new ConstantOptions());

    [Choice(ComponentKind.Distribution, "downlink bandwidth in Mbit/s (0: unlimited)",
        Layout = ChoiceLayout.Inline, Selector = "dist", NumberShorthand = Constant.Name)]
    public ComponentChoice BandwidthDownMbps { get; init; } = new(Constant.Name, new ConstantOptions());

    [Choice(ComponentKind.Distribution, "one-way network latency in milliseconds (a round trip costs twice this)",
        Layout = ChoiceLayout.Inline, Selector = "dist", NumberShorthand = Constant.Name)]
    public ComponentChoice LatencyMs { get; init; } = new(Constant.Name, new ConstantOptions());

    [Option("FedScale device trace (a client_device_capacity pickle): party i takes its i-th client in id order (cycling), which sets compute_ms_per_sample and both bandwidths")]
    public string? DeviceTrace { get; init; }

    [Option("training cost per sample over a device trace's inference latency ('computation'); FedScale's augmentation factor is 3", Min = 0, MinExclusive = true)]
    public double TraceComputeFactor { get; init; } = 3;

    [Option("probability that a party is online (a seeded draw per party, per round in sync mode, per start of a party in async mode); only online parties are sampled", Min = 0, MinExclusive = true, Max = 1)]
    public double Availability { get; init; } = 1;

    [Option("FedScale behaviour trace (a client_behave_trace pickle): party i follows its i-th client's online intervals, looked up on the simulated clock when a round starts (async: when a party is started)")]
    public string? AvailabilityTrace { get; init; }

    [Option("simulated seconds a party has in a round; a slower party fails with reason 'deadline' and is not aggregated (null: none)",
        Key = "deadline_s", Min = 0, MinExclusive = true)]
    public double? DeadlineSeconds { get; init; }

    [Option("sample ceil(k * over_commit) parties for the k a round wants and aggregate the first k to finish in simulated time; the rest fail as 'late'",
        Min = 1, Max = 10)]
    public double OverCommit { get; init; } = 1;

    [Option("probability that a sampled party vanishes mid-round (it trains, but its update never arrives)", Min = 0, Max = 1, MaxExclusive = true)]
    public double Dropout { get; init; }

    /// <summary>The device settings in the order <see cref="DeviceProfiles"/> draws them, with their scenario keys.</summary>
    internal IEnumerable<(string Key, ComponentChoice Choice)> DeviceSettings() =>
    [
        ("compute_ms_per_sample", ComputeMsPerSample), ("bandwidth_up_mbps", BandwidthUpMbps),
        ("bandwidth_down_mbps", BandwidthDownMbps), ("latency_ms", LatencyMs),
    ];
}
