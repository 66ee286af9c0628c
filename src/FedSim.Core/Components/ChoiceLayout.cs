namespace FedSim.Core.Components;

/// <summary>Where a chosen component's options are written.</summary>
internal enum ChoiceLayout
{
    /// <summary>
    /// The key names the component, and each component's options sit beside it under its own name
    /// (<c>federation.algorithm: fedprox</c>, <c>federation.fedprox.mu: 0.01</c>), so one file can carry options for many.
    /// </summary>
    Named,

    /// <summary>
    /// The key holds the component's name alone (<c>model: mlp</c>) or a mapping of the selector and that component's
    /// options (<c>compression.uplink: {codec: fp16}</c>).
    /// </summary>
    Inline,
}
