using FedSim.Core.Weights;

namespace FedSim.Core.Strategies;

/// <summary>What a strategy sends one party for a round beside the global model.</summary>
public sealed record PartyInstructions
{
    public static PartyInstructions None { get; } = new();

    /// <summary>Algorithm scalars for the local trainer (e.g. FedProx's <c>mu</c>).</summary>
    public IReadOnlyDictionary<string, double> Params { get; init; } = new Dictionary<string, double>();

    /// <summary>Algorithm tensors for the local trainer (e.g. SCAFFOLD's server control variate).</summary>
    public IReadOnlyDictionary<string, ModelWeights> Payloads { get; init; } = new Dictionary<string, ModelWeights>();
}
