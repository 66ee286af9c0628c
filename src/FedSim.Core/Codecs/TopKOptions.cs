using FedSim.Core.Components;

namespace FedSim.Core.Codecs;

/// <summary>The <c>topk</c> codec's options.</summary>
public sealed record TopKOptions
{
    [Option("fraction of each tensor's values sent (the largest in magnitude); at least one value a tensor", Min = 0, MinExclusive = true, Max = 1)]
    public double Fraction { get; init; } = 0.01;

    [Choice(ComponentKind.Codec, "codec for the values sent (a codec name, or {codec: NAME, ...options})", Layout = ChoiceLayout.Inline, Selector = "codec")]
    public ComponentChoice Then { get; init; } = new("fp32", new NoOptions());

    [Option("keep the values not sent (and the value codec's error) and add them to the party's next update")]
    public bool ErrorFeedback { get; init; } = true;
}
