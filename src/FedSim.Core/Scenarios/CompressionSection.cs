using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>The <c>compression</c> section: the codec of each direction (a codec name, or <c>{codec: NAME, ...options}</c>).</summary>
public sealed record CompressionSection
{
    [Choice(ComponentKind.Codec, "codec for what parties send (updates and payloads)", Layout = ChoiceLayout.Inline, Selector = "codec")]
    public ComponentChoice Uplink { get; init; } = new("fp32", new NoOptions());

    [Choice(ComponentKind.Codec, "codec for what the coordinator sends (the global model and payloads)", Layout = ChoiceLayout.Inline, Selector = "codec")]
    public ComponentChoice Downlink { get; init; } = new("fp32", new NoOptions());

    /// <summary>
    /// Whether the coordinator sends a node the global model as its difference to the newest earlier model the node
    /// holds (a lossy downlink codec's error then scales with the model's change, not with the model). Sync mode only.
    /// </summary>
    [Option("send the global model as its difference to the newest earlier model the node holds (needs a lossy downlink codec; sync mode)",
        Key = "downlink_delta")]
    public bool DownlinkDelta { get; init; }
}
