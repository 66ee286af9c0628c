using FedSim.Core.Weights;

namespace FedSim.Training;

/// <summary>How an algorithm changes a party's local training.</summary>
public sealed record LocalHooks
{
    public static LocalHooks None { get; } = new();

    /// <summary>FedProx: adds <c>mu (w - anchor)</c> to every gradient, i.e. <c>(mu / 2) ||w - anchor||^2</c> to the loss.</summary>
    public double ProxMu { get; init; }

    public ModelWeights? ProxAnchor { get; init; }

    /// <summary>SCAFFOLD: after every optimiser step, <c>w -= lr * correction</c> (correction = c - c_i).</summary>
    public ModelWeights? StepCorrection { get; init; }

    /// <summary>Feature-noise skew: Gaussian noise with this standard deviation added to every input, fresh for every batch.</summary>
    public double InputNoiseStd { get; init; }
}
