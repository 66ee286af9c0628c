using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>What one party sent back after local training.</summary>
public sealed record PartyResult(
    int PartyId,
    long NumExamples,
    long LocalSteps,
    double TrainLoss,
    double TrainSeconds,
    ModelWeights Weights)
{
    /// <summary>Algorithm payloads beside the model (e.g. a control-variate delta), by name.</summary>
    public IReadOnlyDictionary<string, ModelWeights> Payloads { get; init; } = new Dictionary<string, ModelWeights>();

    /// <summary>The result's figures without its tensors (what a finished task keeps once its weights were used).</summary>
    public PartyResult WithoutWeights() => this with { Weights = ModelWeights.Empty, Payloads = ModelWeights.NoPayloads };
}
