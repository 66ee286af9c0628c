using FedSim.Core.Components;

namespace FedSim.Core.Codecs;

/// <summary>The <c>sign</c> codec's options.</summary>
public sealed record SignOptions
{
    [Option("keep what the signs did not deliver and add it to the party's next update (error feedback)")]
    public bool ErrorFeedback { get; init; } = true;
}
