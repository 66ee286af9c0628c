using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>The <c>compression</c> section: the codec of each direction (a codec name, or <c>{codec: NAME, ...options}</c>).</summary>
public sealed record CompressionSection
{
    [Choice(ComponentKind.Codec, "codec for what parties send (updates and payloads)", Layout = ChoiceLayout.Inline, Selector = "codec")]
    public ComponentChoice Uplink { get; init; } = new("fp32", new NoOptions());

    [Choice(ComponentKind.Codec, "codec for what the coordinator sends (the global model and payloads)", Layout = ChoiceLayout.Inline, Selector = "codec")]
    public ComponentChoice Downlink { get; init; } = new("fp32", new NoOptions());
}
