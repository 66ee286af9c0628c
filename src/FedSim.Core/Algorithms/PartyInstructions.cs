using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>What a strategy tells one party for a round beside the global model.</summary>
public sealed record PartyInstructions
{
    public static PartyInstructions None { get; } = new();

    /// <summary>Algorithm scalars for the local trainer (a round-dependent setting).</summary>
    public IReadOnlyDictionary<string, double> Params { get; init; } = new Dictionary<string, double>();

    /// <summary>Algorithm tensors for the local trainer (e.g. SCAFFOLD's server control variate).</summary>
    public IReadOnlyDictionary<string, ModelWeights> Payloads { get; init; } = new Dictionary<string, ModelWeights>();
}
