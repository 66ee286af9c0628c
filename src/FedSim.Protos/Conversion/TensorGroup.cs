using FedSim.Core.Weights;

namespace FedSim.Protos.Conversion;

/// <summary>A named group of tensors that travels in one stream: "model" or an algorithm payload.</summary>
public sealed record TensorGroup(string Name, ModelWeights Weights)
{
    public const string Model = "model";

    /// <summary>The groups a stream carries: the model first, then the payloads in name order.</summary>
    public static List<TensorGroup> Of(ModelWeights model, IReadOnlyDictionary<string, ModelWeights> payloads) =>
        [new(Model, model), .. payloads.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new TensorGroup(p.Key, p.Value))];

    /// <summary>The received groups other than the model.</summary>
    public static Dictionary<string, ModelWeights> PayloadsOf(IReadOnlyDictionary<string, ModelWeights> groups) =>
        groups.Where(g => g.Key != Model).ToDictionary(g => g.Key, g => g.Value);
}
